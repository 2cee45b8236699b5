package dev.infoprune.ui;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** The click helper itself: a check box whose clicks are swallowed is still ticked, through the keyboard. */
@ExtendWith(ApplicationExtension.class)
class ClicksTest {
    private CheckBox box;

    @Start
    void start(Stage stage) {
        box = new CheckBox("covered");
        Pane cover = new Pane();
        box.setId("coveredBox");
        // a pane over the box takes every press, as the stray panel did in the failed CI runs
        cover.addEventFilter(MouseEvent.ANY, MouseEvent::consume);
        stage.setScene(new Scene(new StackPane(box, cover), 300, 200));
        stage.show();
    }

    @Test
    void aCheckBoxWhoseClicksAreLostIsPressedFromTheKeyboard(FxRobot robot) {
        Clicks.on(robot, "#coveredBox", box::isSelected);
        assertThat(box.isSelected()).isTrue();
    }
}
