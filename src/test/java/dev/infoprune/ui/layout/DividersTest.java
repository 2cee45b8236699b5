package dev.infoprune.ui.layout;

import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A split pane first laid out in a window too small for its items keeps the wanted divider once the window grows. */
@ExtendWith(ApplicationExtension.class)
class DividersTest {
    private Stage stage;
    private SplitPane split;
    private Pane left;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        left = new Pane();
        Pane right = new Pane();
        right.setMinWidth(280);
        split = new SplitPane(left, right);
        SplitPane.setResizableWithParent(right, false);
        Dividers.keep(split, 0.74);
        // the window is first shown narrower than the items' minimum widths, as a reused stage can be
        stage.setScene(new Scene(new StackPane(split), 200, 200));
        stage.setWidth(200);
        stage.setHeight(200);
        stage.show();
    }

    @Test
    void theWantedPositionReturnsWhenTheWindowGrowsAndStaysTheUsersAfterAPress(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.setWidth(1400);
            stage.setHeight(600);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> split.getWidth() > 1300);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(split.getDividerPositions()[0]).isCloseTo(0.74, within(0.01));
        assertThat(left.getWidth()).isCloseTo(0.74 * split.getWidth(), within(10.0));

        // a press inside the split pane hands the dividers to the user: a resize no longer resets them
        robot.clickOn(left);
        robot.interact(() -> split.setDividerPositions(0.3));
        robot.interact(() -> stage.setWidth(1500));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(split.getDividerPositions()[0]).isNotCloseTo(0.74, within(0.05));
    }
}
