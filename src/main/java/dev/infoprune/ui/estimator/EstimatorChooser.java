package dev.infoprune.ui.estimator;

import dev.infoprune.core.BadInputException;
import dev.infoprune.info.Estimators;
import dev.infoprune.workspace.EstimatorChoice;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Picks an information estimator from the {@link Estimators} catalog and sets its parameters: a drop-down of
 * estimators followed by one small field per parameter (empty = the default, shown greyed). {@link #valueProperty()}
 * only ever holds a choice the catalog accepts: an edit is committed with Enter or when the field loses focus,
 * and a bad value marks the field, says why in {@link #problemProperty()} and leaves the value as it was.
 * Setting the value from outside (e.g. a restored session) updates the controls.
 */
public final class EstimatorChooser extends HBox {
    private final ObjectProperty<EstimatorChoice> value = new SimpleObjectProperty<>(this, "value", EstimatorChoice.DEFAULT);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ComboBox<String> names = new ComboBox<>();
    private final HBox parameters = new HBox(6);
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private boolean updating;

    public EstimatorChooser() {
        setId("estimatorChooser");
        getStyleClass().add("estimator-chooser");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        names.setId("estimatorName");
        names.getItems().setAll(Estimators.names());
        names.setTooltip(new Tooltip("How mutual information is estimated"));
        names.valueProperty().addListener((o, a, name) -> {
            if (!updating && name != null) {
                showParameters(new EstimatorChoice(name, Map.of()));
                commit();
            }
        });
        parameters.setAlignment(Pos.CENTER_LEFT);
        Label label = new Label("Estimator");
        getChildren().addAll(label, names, parameters);
        value.addListener((o, a, choice) -> {
            if (!updating) {
                show(choice);
            }
        });
        show(value.get());
    }

    /** The chosen estimator and its parameters (always valid). */
    public ObjectProperty<EstimatorChoice> valueProperty() {
        return value;
    }

    public EstimatorChoice getValue() {
        return value.get();
    }

    public void setValue(EstimatorChoice choice) {
        value.set(choice);
    }

    /** Why the last edit was refused ("" when it was not). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private void show(EstimatorChoice choice) {
        updating = true;
        try {
            names.setValue(choice.name());
            showParameters(choice);
        } finally {
            updating = false;
        }
    }

    private void showParameters(EstimatorChoice choice) {
        parameters.getChildren().clear();
        fields.clear();
        problem.set("");
        Estimators.Description d = Estimators.catalog().stream().filter(c -> c.name().equals(choice.name())).findFirst().orElse(null);
        if (d == null) {
            return;
        }
        names.setTooltip(new Tooltip(d.summary()));
        for (Estimators.Parameter p : d.parameters()) {
            Label name = new Label(displayName(p.name()));
            name.setTooltip(new Tooltip(p.description() + " (default " + p.defaultValue() + ")"));
            TextField field = new TextField(choice.options().getOrDefault(p.name(), ""));
            field.setId("estimatorParam-" + p.name());
            field.setPromptText(p.defaultValue());
            field.setPrefColumnCount(Math.max(3, Math.min(8, p.defaultValue().length())));
            field.setTooltip(new Tooltip(p.description() + " (default " + p.defaultValue() + ")"));
            field.setOnAction(e -> commit());
            field.focusedProperty().addListener((o, had, has) -> {
                if (!has) {
                    commit();
                }
            });
            fields.put(p.name(), field);
            parameters.getChildren().addAll(name, field);
        }
    }

    private static String displayName(String parameter) {
        return parameter.equals("alpha") ? "α" : parameter;
    }

    /** Takes the controls' state as the value when the catalog accepts it. */
    private void commit() {
        String name = names.getValue();
        if (name == null) {
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        fields.forEach((k, f) -> {
            String text = f.getText() == null ? "" : f.getText().strip();
            if (!text.isEmpty()) {
                options.put(k, text);
            }
        });
        EstimatorChoice choice = new EstimatorChoice(name, options);
        fields.values().forEach(f -> f.getStyleClass().remove("invalid"));
        try {
            choice.create();
        } catch (BadInputException e) {
            problem.set(e.getMessage());
            options.forEach((k, v) -> {
                try {
                    new EstimatorChoice(name, Map.of(k, v)).create();
                } catch (BadInputException one) {
                    fields.get(k).getStyleClass().add("invalid");
                }
            });
            return;
        }
        problem.set("");
        if (!choice.equals(value.get())) {
            updating = true;
            try {
                value.set(choice);
            } finally {
                updating = false;
            }
        }
    }
}
