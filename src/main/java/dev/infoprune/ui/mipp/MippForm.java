package dev.infoprune.ui.mipp;

import dev.infoprune.workspace.EstimatorChoice;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The settings the stepper's form shows and a new run starts with; the form's fields are bound to these both
 * ways, so what a restored session puts here is what the form shows.
 */
public final class MippForm {
    private final DoubleProperty confidence = new SimpleDoubleProperty(this, "confidence");
    private final IntegerProperty repeats = new SimpleIntegerProperty(this, "repeats");
    private final ObjectProperty<EstimatorChoice> estimator = new SimpleObjectProperty<>(this, "estimator");
    private final LongProperty seed = new SimpleLongProperty(this, "seed");
    private final IntegerProperty probeSamples = new SimpleIntegerProperty(this, "probeSamples");

    MippForm() {
        show(MippSetup.DEFAULT);
    }

    public DoubleProperty confidenceProperty() {
        return confidence;
    }

    public IntegerProperty repeatsProperty() {
        return repeats;
    }

    public ObjectProperty<EstimatorChoice> estimatorProperty() {
        return estimator;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** How many probe samples a run uses; 0: all the scores were computed on. */
    public IntegerProperty probeSamplesProperty() {
        return probeSamples;
    }

    /** The settings as they stand, not yet checked ({@link MippSetup#checked()}). */
    public MippSetup setup() {
        return new MippSetup(confidence.get(), repeats.get(), estimator.get(), seed.get(), probeSamples.get());
    }

    public void show(MippSetup setup) {
        confidence.set(setup.confidence());
        repeats.set(setup.repeats());
        estimator.set(setup.estimator());
        seed.set(setup.seed());
        probeSamples.set(setup.probeSamples());
    }
}
