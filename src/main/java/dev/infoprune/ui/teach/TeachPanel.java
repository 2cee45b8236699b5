package dev.infoprune.ui.teach;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The teach panel: for the score on screen and for the current MIPP step, the formula and plain words. */
public final class TeachPanel extends ScrollPane {
    public TeachPanel(TeachModel model) {
        setId("teachPanel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("teach-panel");
        Label heading = new Label("Teach");
        heading.getStyleClass().add("teach-heading");
        VBox box = new VBox(4, heading);
        box.setPadding(new Insets(10, 12, 12, 12));
        box.getStyleClass().add("teach-content");
        add(box, "teachScore", model.scoreLessonProperty());
        Label node = label("teachNode", "teach-node");
        node.textProperty().bind(model.nodeLineProperty());
        node.visibleProperty().bind(model.nodeLineProperty().isNotEmpty());
        node.managedProperty().bind(node.visibleProperty());
        box.getChildren().add(node);
        add(box, "teachStep", model.stepLessonProperty());
        setContent(box);
    }

    private static void add(VBox box, String id, ObservableValue<Lesson> lesson) {
        Label title = label(id + "Title", "teach-title");
        Label formula = label(id + "Formula", "teach-formula");
        Label words = label(id + "Text", "teach-text");
        title.textProperty().bind(lesson.map(Lesson::title));
        formula.textProperty().bind(lesson.map(Lesson::formula));
        words.textProperty().bind(lesson.map(Lesson::explanation));
        box.getChildren().addAll(title, formula, words);
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
