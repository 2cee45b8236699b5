package dev.infoprune.ui.export;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The export dialog's state: the target folder and model name as typed, and per artefact whether it is wanted,
 * whether there is something to write, and why not. The folder and the choices are kept between exports.
 */
public final class ExportModel {
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final Map<Artefact, BooleanProperty> wanted = new EnumMap<>(Artefact.class);
    private final Map<Artefact, BooleanProperty> available = new EnumMap<>(Artefact.class);
    private final Map<Artefact, StringProperty> source = new EnumMap<>(Artefact.class);

    public ExportModel() {
        for (Artefact a : Artefact.values()) {
            wanted.put(a, new SimpleBooleanProperty(this, "wanted-" + a, true));
            available.put(a, new SimpleBooleanProperty(this, "available-" + a, false));
            source.put(a, new SimpleStringProperty(this, "source-" + a, ""));
        }
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty wanted(Artefact a) {
        return wanted.get(a);
    }

    public BooleanProperty available(Artefact a) {
        return available.get(a);
    }

    /** What will be written for {@code a} ("mipp (own sparsity), fine-tuned 1 epoch"), or why it cannot be. */
    public StringProperty source(Artefact a) {
        return source.get(a);
    }

    /** The artefacts that are both wanted and available. */
    public Set<Artefact> chosen() {
        Set<Artefact> out = EnumSet.noneOf(Artefact.class);
        for (Artefact a : Artefact.values()) {
            if (wanted.get(a).get() && available.get(a).get()) {
                out.add(a);
            }
        }
        return out;
    }
}
