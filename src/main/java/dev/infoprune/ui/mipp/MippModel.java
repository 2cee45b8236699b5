package dev.infoprune.ui.mipp;

import dev.infoprune.prune.mipp.Step;
import dev.infoprune.ui.network.NetworkViewModel;
import dev.infoprune.ui.network.NodeId;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;
import java.util.Map;

/**
 * The MIPP stepper's state on the JavaFX thread: the track of computed steps, the position shown, play and
 * speed, the settings of the form. The network view follows it: the units pruned up to the position are removed and the
 * unit of the step shown is marked as under test.
 */
public final class MippModel {
    public static final double MIN_SPEED = 0.5;
    public static final double MAX_SPEED = 50;

    private final ObjectProperty<MippTrack> track = new SimpleObjectProperty<>(this, "track");
    private final IntegerProperty position = new SimpleIntegerProperty(this, "position", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 4);
    private final MippForm form = new MippForm();
    private final ObjectProperty<MippOutcome> finished = new SimpleObjectProperty<>(this, "finished");
    private final ObjectBinding<Step> current;
    private final StringBinding description;
    private final IntegerBinding total;
    private final IntegerBinding computed;
    private final NetworkViewModel networkView;

    public MippModel(NetworkViewModel networkView) {
        this.networkView = networkView;
        current = Bindings.createObjectBinding(() -> track.get() == null ? null : track.get().stepAt(position.get()), track, position);
        total = Bindings.createIntegerBinding(() -> track.get() == null ? 0 : track.get().totalSteps(), track);
        computed = Bindings.createIntegerBinding(() -> track.get() == null ? 0 : track.get().computedSteps(), track);
        description = Bindings.createStringBinding(this::describe, track, position);
        track.addListener(o -> showInNetwork());
        position.addListener(o -> showInNetwork());
    }

    private String describe() {
        MippTrack t = track.get();
        if (t == null) {
            return "MIPP has not started. Choose the settings and press Start: it tests every hidden unit, last hidden "
                    + "layer first, and removes those whose information about the next layer is not significant.";
        }
        int k = position.get();
        Step s = t.stepAt(k);
        if (s == null) {
            return String.format(Locale.ROOT, "Start — %d units to test, layer %s first. Press Step (→).", t.totalSteps(),
                    t.visitOrder().get(0));
        }
        String where = String.format(Locale.ROOT, "Step %d of %d · %s kept %d of %d", k, t.totalSteps(), s.layer(),
                t.keptAt(s.layer(), k), t.widths().get(s.layer()));
        return where + "\n" + s.describe(t.confidence());
    }

    private void showInNetwork() {
        MippTrack t = track.get();
        if (t == null) {
            networkView.underTestProperty().set(null);
            return;
        }
        int k = position.get();
        Map<String, java.util.BitSet> removed = t.removedAt(k);
        if (!removed.equals(networkView.removedProperty().get())) {
            networkView.removedProperty().set(removed);
        }
        Step s = t.stepAt(k);
        networkView.underTestProperty().set(s == null ? null : new NodeId(s.layer(), s.unit()));
    }

    public ObjectProperty<MippTrack> trackProperty() {
        return track;
    }

    public MippTrack track() {
        return track.get();
    }

    /** Steps shown: 0 is the start, k the state right after the k-th decision. */
    public IntegerProperty positionProperty() {
        return position;
    }

    public int position() {
        return position.get();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Steps per second while playing. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The settings the form shows and the next run starts with. */
    public MippForm form() {
        return form;
    }

    /** The step shown, or null at the start. */
    public ObjectBinding<Step> currentProperty() {
        return current;
    }

    public StringBinding descriptionProperty() {
        return description;
    }

    public IntegerBinding totalProperty() {
        return total;
    }

    public IntegerBinding computedProperty() {
        return computed;
    }

    /** The pruned network of the run once it has reached its end (null before; stays when stepping back). */
    public ObjectProperty<MippOutcome> finishedProperty() {
        return finished;
    }

    public BooleanBinding startedProperty() {
        return track.isNotNull();
    }

    public boolean isFinished() {
        return track.get() != null && position.get() == track.get().totalSteps();
    }

    /** Forgets the run (a new model or data set); pruned units come back. */
    void clear() {
        playing.set(false);
        finished.set(null);
        track.set(null);
        position.set(0);
        networkView.removedProperty().set(Map.of());
        networkView.underTestProperty().set(null);
    }

    NetworkViewModel networkView() {
        return networkView;
    }
}
