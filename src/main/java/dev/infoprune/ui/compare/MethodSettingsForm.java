package dev.infoprune.ui.compare;

import dev.infoprune.core.BadInputException;
import dev.infoprune.prune.MethodSettings;
import dev.infoprune.prune.MethodType;
import dev.infoprune.prune.Setting;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A method's settings as a form, made from the settings its registry entry declares (key, default, range, help):
 * a list for a choice, a text field for a number. Bound both ways to the model's settings: every edit is read at
 * once (a bad value is marked and the model keeps the last good settings), and settings set on the model show here. The sparsity and the seed are
 * the comparison's own and are not in the form.
 */
final class MethodSettingsForm extends TitledPane {
    static final String INVALID = "invalid";

    private final MethodType type;
    private final ObjectProperty<MethodSettings> settings;
    private final Map<Setting<?>, Control> fields = new LinkedHashMap<>();
    private final TextField estimatorOptions = new TextField();
    private final Label problem = new Label();
    private boolean showing;

    MethodSettingsForm(MethodType type, ObjectProperty<MethodSettings> settings) {
        this.type = type;
        this.settings = settings;
        setText(type.name() + " settings");
        setId("settings-" + type.name());
        setExpanded(false);
        setAnimated(false);
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        int row = 0;
        for (Setting<?> s : formSettings(type)) {
            Control field = field(s);
            field.setId(type.name() + "-" + s.key());
            field.setTooltip(new Tooltip(s.helpWithDefault() + "; " + s.range()));
            fields.put(s, field);
            grid.addRow(row++, label(s.key()), field);
        }
        if (type.setting("estimator").isPresent()) {
            estimatorOptions.setId(type.name() + "-estimator-options");
            estimatorOptions.setPromptText("KEY=VALUE, ...");
            estimatorOptions.setPrefColumnCount(5);
            estimatorOptions.setTooltip(new Tooltip("the estimator's own options, e.g. k=5 or hidden=32, steps=1000"));
            estimatorOptions.textProperty().addListener((o, a, t) -> commit());
            grid.addRow(row, label("options"), estimatorOptions);
        }
        problem.setId(type.name() + "-settings-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("flow-hint");
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        setContent(new VBox(4, grid, problem));
        show(settings.get());
        settings.addListener((o, a, s) -> show(s));
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The settings a form shows: all but the comparison's own sparsity and seed. */
    static List<Setting<?>> formSettings(MethodType type) {
        return type.settings().stream().filter(s -> !s.key().equals("sparsity") && !s.key().equals("seed")).toList();
    }

    private Control field(Setting<?> s) {
        if (!s.choices().isEmpty()) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(s.choices());
            box.setPrefWidth(92);
            box.valueProperty().addListener((o, a, v) -> commit());
            return box;
        }
        TextField text = new TextField();
        text.setPrefColumnCount(5);
        text.setPromptText(s.defaultValue() == null ? "off" : "");
        text.textProperty().addListener((o, a, t) -> commit());
        return text;
    }

    private void show(MethodSettings s) {
        showing = true;
        fields.forEach((setting, field) -> {
            String text = s.text(setting);
            if (field instanceof ComboBox<?> box) {
                @SuppressWarnings("unchecked")
                ComboBox<String> b = (ComboBox<String>) box;
                if (!text.equals(b.getValue())) {
                    b.setValue(text);
                }
            } else if (field instanceof TextField t && !t.getText().equals(text)) {
                t.setText(text);
            }
            field.getStyleClass().remove(INVALID);
        });
        String options = String.join(", ", s.estimatorOptions().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (!estimatorOptions.getText().equals(options)) {
            estimatorOptions.setText(options);
        }
        problem.setVisible(false);
        showing = false;
    }

    /** Reads the whole form into new settings; a bad field stays marked with its problem and the model keeps the old. */
    private void commit() {
        if (showing) {
            return;
        }
        MethodSettings s = type.defaults();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Setting<?>, Control> e : fields.entrySet()) {
            String text = e.getValue() instanceof ComboBox<?> box ? String.valueOf(box.getValue()) : ((TextField) e.getValue()).getText();
            e.getValue().getStyleClass().remove(INVALID);
            if (text == null || text.isBlank() || text.equals("null") || text.trim().equals(e.getKey().defaultText())) {
                continue;
            }
            try {
                s = s.withText(e.getKey().key(), text);
            } catch (BadInputException ex) {
                e.getValue().getStyleClass().add(INVALID);
                problems.add(ex.problem());
            }
        }
        for (String item : estimatorOptions.getText().split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            try {
                if (eq <= 0) {
                    throw new BadInputException("estimator options", "write KEY=VALUE, got " + item.trim());
                }
                s = s.withText(MethodSettings.ESTIMATOR_PREFIX + item.substring(0, eq).trim(), item.substring(eq + 1));
            } catch (BadInputException ex) {
                problems.add(ex.problem());
            }
        }
        if (problems.isEmpty()) {
            problem.setVisible(false);
            settings.set(s);
        } else {
            problem.setText(String.join("; ", problems));
            problem.setVisible(true);
        }
    }
}
