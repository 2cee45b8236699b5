package dev.infoprune.ui.mipp;

import dev.infoprune.prune.mipp.MippEstimators;
import dev.infoprune.ui.estimator.EstimatorPicker;
import dev.infoprune.ui.flows.NumberFields;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Locale;
import java.util.Map;

/**
 * The MIPP stepper: settings, first / back / step / finish layer / run to end / play with a speed, a timeline
 * slider over the computed steps, the step shown in words and the live charts. Only lays out and binds; the
 * keys → (step), ← (back), Home (first), End (run to end), Space (play/pause), PageDown (finish layer) work
 * anywhere in the window except while typing in a field.
 */
public final class MippView extends VBox {
    static final String KEYS = """
            Keyboard (anywhere in the window, except while typing in a field):
              →  step          ←  back
              Home  first      End  run to end
              PageDown  finish the layer
              Space  play / pause""";

    private final Map<KeyCode, Button> shortcuts;
    private boolean syncingSlider;

    public MippView(MippController controller, ObservableValue<Boolean> hasData) {
        MippModel model = controller.model();
        setId("mippView");
        getStyleClass().add("mipp-view");
        setSpacing(6);
        setPadding(new Insets(8, 12, 8, 12));

        // settings, bound to the model's form: a run and a session use what the form shows
        MippForm form = model.form();
        TextField confidence = field("mippConfidence", 4, "confidence x: a unit stays only when the test is more than x sure "
                + "that it carries information about the next layer (Δ > 0); a higher x prunes more");
        TextField repeats = field("mippRepeats", 3, "repeats R: independent estimates of Δ (re-fits with their own seeds, or subsamples)");
        TextField seed = field("mippSeed", 4, "seed of the subsamples (the same seed gives the same trace)");
        TextField samples = field("mippSamples", 5, "probe samples to use; empty or 0: all the scores were computed on");
        samples.setPromptText("all");
        BooleanBinding readable = NumberFields.asTyped(confidence, form.confidenceProperty(), Double::valueOf, v -> MippSetup.plain(v.doubleValue()))
                .and(NumberFields.asTyped(repeats, form.repeatsProperty(), Integer::valueOf, String::valueOf))
                .and(NumberFields.asTyped(seed, form.seedProperty(), Long::valueOf, String::valueOf))
                .and(NumberFields.asTyped(samples, form.probeSamplesProperty(), t -> t.isEmpty() ? 0 : Integer.valueOf(t),
                        v -> v.intValue() == 0 ? "" : String.valueOf(v)));
        EstimatorPicker estimator = new EstimatorPicker("mipp", MippEstimators.catalog(),
                c -> MippEstimators.check(c.name(), c.options()), form.estimatorProperty().get());
        estimator.choiceProperty().bindBidirectional(form.estimatorProperty());
        Button start = button("mippStart", "Start MIPP", "Start a fresh run with these settings on the data set's probe samples");
        start.getStyleClass().add("mipp-start");
        start.setOnAction(e -> controller.start());
        start.disableProperty().bind(controller.runner().busyProperty().or(readable.not()).or(Bindings.createBooleanBinding(
                () -> !Boolean.TRUE.equals(hasData.getValue()), hasData)));
        HBox settings = row(new Label("Confidence x"), confidence, new Label("Repeats R"), repeats, new Label("Estimator"),
                estimator, new Label("Seed"), seed, new Label("Probe samples"), samples, start);
        settings.setId("mippSettings");

        // controls
        BooleanBinding busy = Bindings.createBooleanBinding(() -> controller.runner().isBusy(), controller.runner().busyProperty());
        BooleanBinding started = model.startedProperty();
        BooleanBinding atStart = model.positionProperty().isEqualTo(0);
        BooleanBinding finished = Bindings.createBooleanBinding(model::isFinished, model.trackProperty(), model.positionProperty());
        Button first = button("mippFirst", "First", "Back to the start (Home)");
        first.setOnAction(e -> controller.first());
        first.disableProperty().bind(started.not().or(atStart).or(busy));
        Button back = button("mippBack", "Back", "One step back (←)");
        back.setOnAction(e -> controller.back());
        back.disableProperty().bind(started.not().or(atStart).or(busy));
        Button step = button("mippStep", "Step", "Test the next unit (→)");
        step.getStyleClass().add("mipp-step");
        step.setOnAction(e -> controller.step());
        step.disableProperty().bind(started.not().or(finished).or(busy).or(model.playingProperty()));
        Button layer = button("mippFinishLayer", "Finish layer", "Test the rest of this layer (PageDown)");
        layer.setOnAction(e -> controller.finishLayer());
        layer.disableProperty().bind(started.not().or(finished).or(busy).or(model.playingProperty()));
        Button end = button("mippRunToEnd", "Run to end", "Test every remaining unit; Cancel in the status bar stops (End)");
        end.setOnAction(e -> controller.runToEnd());
        end.disableProperty().bind(started.not().or(finished).or(busy).or(model.playingProperty()));
        Button play = button("mippPlay", "Play", "Step at the chosen speed (Space)");
        play.textProperty().bind(Bindings.when(model.playingProperty()).then("Pause").otherwise("Play"));
        play.setOnAction(e -> controller.togglePlay());
        play.disableProperty().bind(started.not().or(finished.and(model.playingProperty().not())));
        Slider speed = new Slider(MippModel.MIN_SPEED, MippModel.MAX_SPEED, model.speedProperty().get());
        speed.setId("mippSpeed");
        speed.setPrefWidth(110);
        speed.setFocusTraversable(false);
        speed.valueProperty().bindBidirectional(model.speedProperty());
        Label speedText = new Label();
        speedText.setId("mippSpeedText");
        speedText.setMinWidth(Region.USE_PREF_SIZE);
        speedText.textProperty().bind(model.speedProperty().map(v -> String.format(Locale.ROOT, "%.1f steps/s", v.doubleValue())));
        Label help = new Label("?");
        help.setId("mippHelp");
        help.getStyleClass().add("mipp-help");
        Tooltip keys = new Tooltip(KEYS);
        keys.setShowDelay(Duration.millis(150));
        keys.setShowDuration(Duration.seconds(30));
        help.setTooltip(keys);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox controls = row(first, back, step, layer, end, play, new Label("speed"), speed, speedText, spacer, help);
        controls.setId("mippControls");

        // timeline
        Slider timeline = new Slider(0, 1, 0);
        timeline.setId("mippTimeline");
        timeline.setFocusTraversable(false);
        timeline.setBlockIncrement(1);
        timeline.setMajorTickUnit(1);
        timeline.setSnapToTicks(true);
        timeline.maxProperty().bind(Bindings.createDoubleBinding(() -> (double) Math.max(1, model.computedProperty().get()), model.computedProperty()));
        timeline.disableProperty().bind(started.not().or(busy).or(model.computedProperty().isEqualTo(0)));
        model.positionProperty().addListener((o, a, k) -> {
            syncingSlider = true;
            timeline.setValue(k.intValue());
            syncingSlider = false;
        });
        timeline.valueProperty().addListener((o, a, v) -> {
            if (!syncingSlider && (int) Math.round(v.doubleValue()) != model.position()) {
                controller.goTo((int) Math.round(v.doubleValue()));
            }
        });
        HBox.setHgrow(timeline, Priority.ALWAYS);
        Label position = new Label();
        position.setId("mippPosition");
        position.setMinWidth(Region.USE_PREF_SIZE);
        position.textProperty().bind(Bindings.createStringBinding(() -> model.track() == null ? "not started"
                : String.format(Locale.ROOT, "step %d of %d · %d computed", model.position(), model.totalProperty().get(),
                model.computedProperty().get()), model.trackProperty(), model.positionProperty()));
        Label inUse = new Label();
        inUse.setId("mippSettingsInUse");
        inUse.getStyleClass().add("mipp-settings-in-use");
        inUse.textProperty().bind(model.trackProperty().map(t -> "run: " + t.settingsText()).orElse(""));
        javafx.scene.control.Tooltip fullSettings = new javafx.scene.control.Tooltip();
        fullSettings.textProperty().bind(inUse.textProperty());
        inUse.setTooltip(fullSettings);
        timeline.setMinWidth(160);
        HBox timelineRow = row(new Label("Timeline"), timeline, position, inUse);
        // a long settings line (reconstruction's options) is cut short, not allowed to widen the window past the screen
        inUse.setMinWidth(0);

        Label description = new Label();
        description.setId("mippStepText");
        description.getStyleClass().add("mipp-step-text");
        description.setWrapText(true);
        // a fixed height: the network above must not move when the text changes length
        description.setMinHeight(46);
        description.setPrefHeight(46);
        description.setMaxHeight(46);
        description.setMaxWidth(Double.MAX_VALUE);
        description.setAlignment(Pos.TOP_LEFT);
        description.textProperty().bind(model.descriptionProperty());

        MippCharts charts = new MippCharts(model);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(settings, controls, timelineRow, description, charts);

        shortcuts = Map.of(KeyCode.RIGHT, step, KeyCode.LEFT, back, KeyCode.HOME, first, KeyCode.END, end,
                KeyCode.SPACE, play, KeyCode.PAGE_DOWN, layer);
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
            }
        });
    }

    private void onKey(KeyEvent e) {
        Button target = shortcuts.get(e.getCode());
        if (target == null || e.isShortcutDown() || e.isAltDown() || !isVisible() || getScene() == null) {
            return;
        }
        Node focus = getScene().getFocusOwner();
        if (focus instanceof TextInputControl || focus instanceof ComboBoxBase<?>) {
            return; // typing in a field keeps its keys
        }
        e.consume();
        if (!target.isDisabled()) {
            target.fire();
        }
    }

    private static TextField field(String id, int columns, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static HBox row(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) {
            if (n instanceof Label l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return box;
    }

}
