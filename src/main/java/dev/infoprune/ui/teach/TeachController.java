package dev.infoprune.ui.teach;

import dev.infoprune.ui.flows.MippOnScreen;
import dev.infoprune.ui.network.NetworkViewModel;
import javafx.beans.Observable;

/** Keeps the teach panel in step with the main window: the score shown, the selected node and the MIPP step. */
public final class TeachController {
    private final TeachModel model;
    private final NetworkViewModel view;
    private final MippOnScreen mipp;

    public TeachController(TeachModel model, NetworkViewModel view, MippOnScreen mipp) {
        this.model = model;
        this.view = view;
        this.mipp = mipp;
        view.scoreProperty().addListener((Observable o) -> update());
        view.selectedProperty().addListener((Observable o) -> update());
        mipp.stepProperty().addListener((Observable o) -> update());
        mipp.confidenceProperty().addListener((Observable o) -> update());
        update();
    }

    public TeachModel model() {
        return model;
    }

    private void update() {
        model.scoreLessonProperty().set(TeachTexts.forScore(view.scoreProperty().get()));
        model.nodeLineProperty().set(TeachTexts.forNode(view.scoreProperty().get(), view.selectedProperty().get()));
        model.stepLessonProperty().set(TeachTexts.forStep(mipp.stepProperty().get(), mipp.confidenceProperty().get()));
    }
}
