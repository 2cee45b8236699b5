package dev.infoprune.ui.teach;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the teach panel shows: the lesson for the score on screen, a line on the selected node, the MIPP lesson. */
public final class TeachModel {
    private final ObjectProperty<Lesson> score = new SimpleObjectProperty<>(this, "score", TeachTexts.forScore(null));
    private final StringProperty node = new SimpleStringProperty(this, "node", "");
    private final ObjectProperty<Lesson> step = new SimpleObjectProperty<>(this, "step", TeachTexts.forStep(null, dev.infoprune.prune.mipp.MippSettings.DEFAULT_CONFIDENCE));

    public ObjectProperty<Lesson> scoreLessonProperty() {
        return score;
    }

    public StringProperty nodeLineProperty() {
        return node;
    }

    public ObjectProperty<Lesson> stepLessonProperty() {
        return step;
    }
}
