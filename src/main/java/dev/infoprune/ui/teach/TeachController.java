package dev.infoprune.ui.teach;

import dev.infoprune.ui.flows.FlowContext;
import dev.infoprune.ui.network.NetworkViewModel;
import javafx.beans.Observable;

/** Keeps the teach panel in step with the main window: the score shown, the selected node and the MIPP step. */
public final class TeachController {
    private final TeachModel model;
    private final FlowContext context;

    public TeachController(TeachModel model, FlowContext context) {
        this.model = model;
        this.context = context;
        NetworkViewModel view = context.networkView();
        view.scoreProperty().addListener((Observable o) -> update());
        view.selectedProperty().addListener((Observable o) -> update());
        context.mippStepProperty().addListener((Observable o) -> update());
        context.mippConfidenceProperty().addListener((Observable o) -> update());
        update();
    }

    public TeachModel model() {
        return model;
    }

    private void update() {
        NetworkViewModel view = context.networkView();
        model.scoreLessonProperty().set(TeachTexts.forScore(view.scoreProperty().get()));
        model.nodeLineProperty().set(TeachTexts.forNode(view.scoreProperty().get(), view.selectedProperty().get()));
        model.stepLessonProperty().set(TeachTexts.forStep(context.mippStepProperty().get(), context.mippConfidenceProperty().get()));
    }
}
