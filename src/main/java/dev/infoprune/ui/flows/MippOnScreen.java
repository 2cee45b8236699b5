package dev.infoprune.ui.flows;

import dev.infoprune.prune.mipp.Step;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The MIPP step the stepper shows and the confidence it was decided at, for the teach panel; the stepper sets them. */
public final class MippOnScreen {
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(this, "step");
    private final DoubleProperty confidence = new SimpleDoubleProperty(this, "confidence", dev.infoprune.prune.mipp.MippSettings.DEFAULT_CONFIDENCE);

    /** The step on screen; null when the stepper shows none. */
    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public DoubleProperty confidenceProperty() {
        return confidence;
    }
}
