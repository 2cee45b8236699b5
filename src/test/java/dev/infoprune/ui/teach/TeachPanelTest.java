package dev.infoprune.ui.teach;

import dev.infoprune.prune.mipp.Decision;
import dev.infoprune.prune.mipp.Step;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.TrainedWorkbenchTest;
import dev.infoprune.ui.network.NodeId;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Teach: the panel follows the score shown, the selected node and the MIPP step. */
class TeachPanelTest extends TrainedWorkbenchTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void switchingTheScoreSelectingANodeAndAMippStepChangeWhatItTeaches(FxRobot robot) throws Exception {
        awaitIdle();
        assertThat(text(robot, "#teachScoreTitle")).isEqualTo("I(node; labels)");
        assertThat(text(robot, "#teachScoreFormula")).startsWith("I(Xᵢ; Y) = H(Y) − H(Y | Xᵢ)");
        assertThat(text(robot, "#teachScoreText")).contains("lowers the uncertainty about the class label")
                .contains("Computed here with gaussian");

        Clicks.choose(robot, "#scoreChoice", "‖w‖₁ (L1 of incoming weights)");
        assertThat(text(robot, "#teachScoreTitle")).isEqualTo("‖w‖₁ (L1 of incoming weights)");
        assertThat(text(robot, "#teachScoreFormula")).isEqualTo("‖wᵢ‖₁ = Σⱼ |wᵢⱼ|");
        assertThat(text(robot, "#teachScoreText")).startsWith("The sum of the absolute values");

        Clicks.choose(robot, "#scoreChoice", "I(node; labels | rest of layer)");
        assertThat(text(robot, "#teachScoreFormula")).startsWith("I(Xᵢ; Y | X₋ᵢ) = I(X; Y) − I(X₋ᵢ; Y)");
        assertThat(text(robot, "#teachScoreText")).contains("redundant");

        Clicks.select(robot, workbench.view().networkView(), workbench.model().networkView(), new NodeId("fc1", 5));
        var score = workbench.model().networkView().scoreProperty().get();
        double v = score.value("fc1", 5);
        long higher = java.util.Arrays.stream(score.byLayer().get("fc1")).filter(o -> o > v).count();
        assertThat(text(robot, "#teachNode")).isEqualTo(String.format(Locale.ROOT,
                "Selected fc1:5:  I(node; labels | rest of layer) = %.4g nats — rank %d of 24 in fc1 (1 = highest).", v, higher + 1));

        assertThat(text(robot, "#teachStepFormula")).startsWith("Δᵢ = I(S; T) − I(S ∖ {i}; T)");
        // one step of the real stepper: the panel shows that step's numbers and decision
        Clicks.chooseMippEstimator(robot, "gaussian");
        BooleanSupplier starting = Clicks.startedTask(runner());
        Clicks.on(robot, "#mippStart", () -> starting.getAsBoolean() || workbench.model().mipp().track() != null);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.model().mipp().track() != null && !workbench.runner().isBusy());
        BooleanSupplier stepping = Clicks.startedTask(runner());
        Clicks.on(robot, "#mippStep", () -> stepping.getAsBoolean() || workbench.model().mipp().position() == 1);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.model().mipp().position() == 1 && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        Step step = workbench.model().mipp().currentProperty().get();
        assertThat(step).isNotNull();
        assertThat(text(robot, "#teachStepTitle")).isEqualTo("MIPP step 1: " + step.layer() + ":" + step.unit()
                + (step.decision() == Decision.PRUNE ? " pruned" : " kept"));
        assertThat(text(robot, "#teachStepFormula")).isEqualTo(TeachTexts.forStep(step, 0.95).formula())
                .startsWith(String.format(Locale.ROOT, "Δ = I(S;T) − I(S∖{%s:%d};T) = %.4f − %.4f = %.4f nats",
                        step.layer(), step.unit(), step.miWith(), step.miWithout(), step.delta()));
        assertThat(text(robot, "#teachStepText")).contains("against the " + step.setSize() + " nodes of its layer still kept")
                .contains("over 5 subsamples");
        Screenshots.save(workbench.stage().getScene(), "teach-panel");
        dev.infoprune.ui.NodeSnapshots.save(robot.lookup("#teachPanel").queryAs(javafx.scene.control.ScrollPane.class).getContent(),
                "teach-panel-content");

        Clicks.on(robot, "#teachToggle", () -> robot.lookup("#teachPanel").tryQuery().isEmpty());
        Clicks.on(robot, "#teachToggle", () -> robot.lookup("#teachPanel").tryQuery().isPresent());
        assertThat(errors).isEmpty();
    }
}
