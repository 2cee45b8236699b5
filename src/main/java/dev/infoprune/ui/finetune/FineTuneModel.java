package dev.infoprune.ui.finetune;

import dev.infoprune.engine.EpochResult;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.ui.flows.TrainingSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fine-tune view's state: the budget (epochs, learning rate, seed, training samples), the live curves of
 * the run in progress (or the last one), and the test accuracy before and after the last finished run.
 */
public final class FineTuneModel {
    /** One point of the loss curve: {@code epoch} is fractional (1.5 = half-way through the second epoch). */
    public record LossPoint(double epoch, double loss) {
    }

    private final TrainingSettings training = new TrainingSettings(10000);
    private final ObservableList<LossPoint> losses = FXCollections.observableArrayList();
    private final ObservableList<EpochResult> history = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObjectProperty<Evaluation> before = new SimpleObjectProperty<>(this, "before");
    private final ObjectProperty<Evaluation> after = new SimpleObjectProperty<>(this, "after");

    /** The fine-tuning budget (shared type with the other view; each view has its own values). */
    public TrainingSettings training() {
        return training;
    }

    /** Training loss as it comes (averaged over a few batches when an epoch has many). */
    public ObservableList<LossPoint> losses() {
        return losses;
    }

    /** Finished epochs: training loss and accuracy, and test loss and accuracy after each. */
    public ObservableList<EpochResult> history() {
        return history;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** One line on what happened last. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Test accuracy and loss of the network the last run started from. */
    public ObjectProperty<Evaluation> beforeProperty() {
        return before;
    }

    /** Test accuracy and loss after the last finished run; null while running or after a cancel. */
    public ObjectProperty<Evaluation> afterProperty() {
        return after;
    }
}
