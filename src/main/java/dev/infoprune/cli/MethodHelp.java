package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.prune.MethodType;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.Setting;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/** The methods and their settings as help text and JSON, made from {@link PruningMethods}' registry. */
final class MethodHelp {
    static final String SECTION = "methodSettings";

    private MethodHelp() {
    }

    /** Adds the "Methods and their settings" section at the end of {@code command}'s help. */
    static void addSection(CommandLine command, String howToSet) {
        CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        usage.sectionMap().put(SECTION, help -> "%nMethods and their settings (" + howToSet + "):%n".formatted()
                + text(PruningMethods.all()));
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        keys.add(SECTION);
        usage.sectionKeys(keys);
    }

    static String text(List<MethodType> types) {
        StringBuilder b = new StringBuilder();
        for (MethodType t : types) {
            b.append("  ").append(t.name()).append(": ").append(t.summary()).append(" (")
                    .append(t.sizesItself() && t.takesSparsity() ? "sizes itself, or takes a sparsity"
                            : t.sizesItself() ? "sizes itself" : "takes a sparsity").append(")\n");
            for (Setting<?> s : t.settings()) {
                b.append(String.format("      %-17s %s; %s%s%n", s.key(), s.help(), s.range(),
                        s.defaultValue() == null ? "; off unless given" : "; default " + s.defaultText()));
            }
        }
        return b.toString();
    }

    static ArrayNode json(List<MethodType> types) {
        ArrayNode all = JsonOutput.MAPPER.createArrayNode();
        for (MethodType t : types) {
            ObjectNode m = all.addObject();
            m.put("name", t.name());
            m.put("summary", t.summary());
            m.put("sizesItself", t.sizesItself());
            m.put("takesSparsity", t.takesSparsity());
            ArrayNode settings = m.putArray("settings");
            for (Setting<?> s : t.settings()) {
                ObjectNode o = settings.addObject();
                o.put("key", s.key());
                o.put("type", s.type().getSimpleName());
                if (s.defaultValue() == null) {
                    o.putNull("default");
                } else {
                    o.put("default", s.defaultText());
                }
                o.put("range", s.range());
                o.put("help", s.help());
                s.choices().forEach(o.withArray("choices")::add);
            }
        }
        return all;
    }
}
