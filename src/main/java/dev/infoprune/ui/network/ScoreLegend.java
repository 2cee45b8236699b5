package dev.infoprune.ui.network;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import java.util.Locale;

/** The colour key of the network view: the score's name, unit and estimator, and its range. */
public final class ScoreLegend extends VBox {
    private final Label title = new Label();
    private final Label estimator = new Label();
    private final Label min = new Label();
    private final Label max = new Label();

    public ScoreLegend(NetworkViewModel model) {
        setId("scoreLegend");
        getStyleClass().add("score-legend");
        setSpacing(2);
        setPadding(new Insets(6, 10, 6, 10));
        title.setId("legendTitle");
        title.getStyleClass().add("legend-title");
        estimator.setId("legendEstimator");
        estimator.getStyleClass().add("legend-estimator");
        Rectangle bar = new Rectangle(180, 10, ColorScale.horizontalGradient());
        BorderPane range = new BorderPane();
        range.setLeft(min);
        range.setRight(max);
        range.setPrefWidth(180);
        range.setMaxWidth(180);
        HBox keys = new HBox(10, key("removed", "legend-removed"), key("selected", "legend-selected"),
                key("under test", "legend-under-test"));
        // a graph's extra keys; hidden and taking no room for a chain
        Label together = key("pruned together", "legend-linked");
        together.setId("legendLinked");
        Label skip = key("skip", "legend-skip");
        HBox graphKeys = new HBox(10, together, skip);
        graphKeys.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.pictureProperty().get() != null && model.pictureProperty().get().isGraph(), model.pictureProperty()));
        graphKeys.managedProperty().bind(graphKeys.visibleProperty());
        getChildren().addAll(title, estimator, bar, range, keys, graphKeys);
        model.scoreProperty().addListener((o, a, b) -> update(b));
        update(model.scoreProperty().get());
    }

    private static Label key(String text, String style) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", style);
        swatch.setMinSize(10, 10);
        swatch.setMaxSize(10, 10);
        Label l = new Label(text, swatch);
        l.getStyleClass().add("legend-key");
        HBox.setHgrow(l, Priority.NEVER);
        return l;
    }

    private void update(NodeScore score) {
        if (score == null) {
            title.setText("No score computed");
            estimator.setText("");
            min.setText("");
            max.setText("");
            return;
        }
        title.setText(score.title() + (score.unit().isEmpty() ? "" : " [" + score.unit() + "]"));
        estimator.setText(score.estimator().isEmpty() ? "" : "estimator: " + score.estimator());
        min.setText(String.format(Locale.ROOT, "%.3g", score.min()));
        max.setText(String.format(Locale.ROOT, "%.3g", score.max()));
    }
}
