package dev.infoprune.ui.estimator;

import dev.infoprune.core.BadInputException;
import dev.infoprune.info.Estimators;
import dev.infoprune.workspace.EstimatorChoice;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Picks an information estimator from the catalog of {@link Estimators} and edits its options, compactly for a
 * crowded row (the MIPP settings): a choice of names, and a menu with one field per option (empty = the default
 * shown as prompt). An option that does not parse is marked and the choice keeps its last valid value. The
 * toolbar's {@link EstimatorChooser} shows the option fields inline instead.
 */
public final class EstimatorPicker extends HBox {
    private final ObjectProperty<EstimatorChoice> choice;
    private final java.util.List<Estimators.Description> catalog;
    private final java.util.function.Consumer<EstimatorChoice> check;
    private final ComboBox<String> names = new ComboBox<>();
    private final MenuButton options = new MenuButton("options");
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private boolean updating;

    /** @param idPrefix prefix of the controls' ids, so two pickers in one window stay apart in tests */
    public EstimatorPicker(String idPrefix) {
        this(idPrefix, Estimators.catalog(), EstimatorChoice::create, EstimatorChoice.DEFAULT);
    }

    /**
     * @param catalog the estimators offered, with their options
     * @param check   throws a {@link BadInputException} for a choice that cannot run
     * @param initial the choice shown first
     */
    public EstimatorPicker(String idPrefix, java.util.List<Estimators.Description> catalog,
                           java.util.function.Consumer<EstimatorChoice> check, EstimatorChoice initial) {
        super(4);
        this.catalog = java.util.List.copyOf(catalog);
        this.check = check;
        this.choice = new SimpleObjectProperty<>(this, "choice", initial);
        setAlignment(Pos.CENTER_LEFT);
        names.setId(idPrefix + "Estimator");
        names.getItems().setAll(this.catalog.stream().map(Estimators.Description::name).toList());
        names.setValue(initial.name());
        options.setId(idPrefix + "EstimatorOptions");
        names.valueProperty().addListener((o, a, n) -> {
            if (!updating && n != null && !n.equals(choice.get().name())) {
                choice.set(new EstimatorChoice(n, Map.of()));
            }
        });
        choice.addListener((o, a, n) -> show(n));
        getChildren().addAll(names, options);
        show(choice.get());
    }

    public ObjectProperty<EstimatorChoice> choiceProperty() {
        return choice;
    }

    private void show(EstimatorChoice c) {
        updating = true;
        try {
            names.setValue(c.name());
            Estimators.Description d = catalog.stream().filter(x -> x.name().equals(c.name())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown estimator " + c.name()));
            names.setTooltip(new Tooltip(d.summary()));
            GridPane grid = new GridPane();
            grid.setHgap(6);
            grid.setVgap(4);
            grid.setPadding(new Insets(4));
            fields.clear();
            int row = 0;
            for (Estimators.Parameter p : d.parameters()) {
                TextField f = new TextField(c.options().getOrDefault(p.name(), ""));
                f.setId(names.getId() + "-" + p.name());
                f.setPromptText(p.defaultValue());
                f.setPrefColumnCount(8);
                f.setTooltip(new Tooltip(p.description() + " (default " + p.defaultValue() + ")"));
                f.setOnAction(e -> apply());
                f.focusedProperty().addListener((o, was, now) -> {
                    if (!now) {
                        apply();
                    }
                });
                Label l = new Label(p.name());
                l.setTooltip(new Tooltip(p.description()));
                grid.addRow(row++, l, f);
                fields.put(p.name(), f);
            }
            CustomMenuItem item = new CustomMenuItem(grid, false);
            options.getItems().setAll(item);
            options.setText(c.options().isEmpty() ? "options" : "options*");
            options.setDisable(d.parameters().isEmpty());
            options.setTooltip(new Tooltip(c.name() + " " + c.options()));
        } finally {
            updating = false;
        }
    }

    /** Takes the fields' values when they make a valid estimator; marks the fields otherwise. */
    private void apply() {
        if (updating) {
            return;
        }
        Map<String, String> given = new LinkedHashMap<>();
        fields.forEach((name, f) -> {
            String v = f.getText() == null ? "" : f.getText().trim();
            if (!v.isEmpty() && !v.equals(f.getPromptText())) {
                given.put(name, v);
            }
        });
        EstimatorChoice next = new EstimatorChoice(choice.get().name(), given);
        try {
            check.accept(next);
            fields.values().forEach(f -> f.getStyleClass().remove("invalid"));
            if (!next.equals(choice.get())) {
                choice.set(next);
            }
        } catch (BadInputException e) {
            fields.values().forEach(f -> {
                f.getStyleClass().remove("invalid");
                if (e.getMessage().contains(fieldName(f))) {
                    f.getStyleClass().add("invalid");
                    f.setTooltip(new Tooltip(e.getMessage()));
                }
            });
        }
    }

    private String fieldName(TextField f) {
        return fields.entrySet().stream().filter(e -> e.getValue() == f).map(Map.Entry::getKey).findFirst().orElse("?");
    }
}
