package dev.infoprune.ui.workbench;

import dev.infoprune.model.Network;
import dev.infoprune.ui.network.NodeScore;
import dev.infoprune.ui.task.ErrorReporter;
import dev.infoprune.ui.task.TaskRunner;
import dev.infoprune.workspace.Autosave;
import dev.infoprune.workspace.ModelSource;
import dev.infoprune.workspace.ProbeScores;
import dev.infoprune.workspace.Session;
import dev.infoprune.workspace.SessionFiles;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Save, save as, open and autosave of sessions. A session is snapshotted on the FX thread (immutable values)
 * and written on a writer thread of its own, so saving never waits for, or blocks, the task running; opening one
 * runs through the {@link TaskRunner} (the model is read and the probe activations captured again) and replaces
 * what the window shows only when everything is ready. The autosave goes to the settings folder a moment after
 * every change and periodically while there are unsaved changes.
 */
public final class SessionController {
    private static final System.Logger LOG = System.getLogger(SessionController.class.getName());
    static final Duration CHANGE_DELAY = Duration.seconds(2);

    private final WorkbenchModel model;
    private final dev.infoprune.ui.mipp.MippController mipp;
    private final TaskRunner runner;
    private final ErrorReporter errors;
    private final Autosave autosave;
    private final Consumer<String> remember;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "infoprune-session-writer");
        t.setDaemon(true);
        return t;
    });
    private final PauseTransition afterChange = new PauseTransition(CHANGE_DELAY);
    private final Timeline periodic;
    private boolean dirty;
    private boolean restoring;
    private Future<?> lastAutosave;

    SessionController(WorkbenchController controller, ErrorReporter errors, Autosave autosave,
                      Consumer<String> remember, Duration autosaveEvery) {
        this.model = controller.model();
        this.mipp = controller.mipp();
        TaskRunner runner = controller.runner();
        this.runner = runner;
        this.errors = errors;
        this.autosave = autosave;
        this.remember = remember;
        afterChange.setOnFinished(e -> autosaveNow());
        periodic = new Timeline(new KeyFrame(autosaveEvery, e -> {
            if (dirty) {
                autosaveNow();
            }
        }));
        periodic.setCycleCount(Timeline.INDEFINITE);
        periodic.play();
        Observable[] watched = {model.networkProperty(), model.informationScoresProperty(), model.estimatorProperty(),
                model.dataChoiceProperty(), model.networkView().scoreProperty(), model.mipp().trackProperty(),
                model.mipp().positionProperty(), model.comparisons()};
        for (Observable o : watched) {
            o.addListener(x -> changed());
        }
    }

    /** The session file the window is saved to (null: not saved yet). */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    public Autosave autosave() {
        return autosave;
    }

    private void changed() {
        if (restoring || model.network() == null) {
            return;
        }
        dirty = true;
        afterChange.playFromStart();
    }

    /** The window's state as a session, or null when no model is open. Call on the FX thread. */
    public Session snapshot() {
        Network network = model.network();
        ModelSource source = model.modelSourceProperty().get();
        if (network == null || source == null) {
            return null;
        }
        NodeScore shown = model.networkView().scoreProperty().get();
        return new Session(source, source.kind() == ModelSource.Kind.EMBEDDED ? network : null,
                model.dataChoiceProperty().get(), model.estimatorProperty().get(), model.informationScoresProperty().get(),
                shown == null ? null : shown.id(), mipp.sessionState(), java.util.List.copyOf(model.comparisons()), 0);
    }

    /** Saves to the current session file, or asks where when there is none. */
    public void save(FileDialogs dialogs, javafx.stage.Window owner) {
        if (file.get() == null) {
            saveAs(dialogs, owner);
        } else {
            saveTo(file.get());
        }
    }

    public void saveAs(FileDialogs dialogs, javafx.stage.Window owner) {
        Path suggested = file.get() != null ? file.get()
                : Path.of((model.network() == null ? "session" : model.network().name()) + SessionFiles.EXTENSION);
        dialogs.chooseSessionToSave(owner, suggested).map(SessionController::withExtension).ifPresent(this::saveTo);
    }

    static Path withExtension(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(SessionFiles.EXTENSION) ? p : p.resolveSibling(name + SessionFiles.EXTENSION);
    }

    /** Writes the session to {@code target} on the writer thread; it becomes the current session file. */
    public void saveTo(Path target) {
        Session session = snapshot();
        if (session == null) {
            runner.announce("Nothing to save: open a model first");
            return;
        }
        runner.announce("Saving session to " + target.getFileName() + "…");
        writer.submit(() -> {
            try {
                SessionFiles.write(session, target);
                Platform.runLater(() -> {
                    file.set(target);
                    remember.accept(target.toString());
                    runner.announce("Session saved to " + target);
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> errors.report("Saving the session failed",
                        target + ": " + TaskRunner.messageOf(e), e));
            }
        });
    }

    /** Writes the autosave now (on the writer thread) if a model is open. */
    public void autosaveNow() {
        afterChange.stop();
        Session session = snapshot();
        if (session == null) {
            return;
        }
        dirty = false;
        lastAutosave = writer.submit(() -> {
            try {
                autosave.save(session);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "infoprune: autosave to " + autosave.file() + " failed: " + e.getMessage());
            }
        });
    }

    /**
     * Opens a session file: reads it, reads its model (or takes the embedded one), captures the probe
     * activations again and then shows model, scores, estimator, MIPP state and comparisons at once. A bad
     * file is one message and the window keeps what it had.
     */
    public void open(Path sessionFile, boolean becomesCurrent) {
        if (runner.isBusy()) {
            runner.announce("Cancel or wait for the running task before opening a session");
            return;
        }
        runner.run("Opening session " + sessionFile.getFileName(), progress -> {
            progress.update("Reading " + sessionFile, 0, 3);
            Session session = SessionFiles.read(sessionFile);
            progress.update("Reading the model", 1, 3);
            Network network = session.embedded() != null ? session.embedded() : session.model().read();
            LoadedModel loaded = LoadedModel.prepare(session.model(), network);
            ProbeScores.Result probe = session.data() == null ? null
                    : ProbeScores.recapture(network, session.data(), session.scores(), progress.slice(2.0 / 3, 1));
            return new Opened(session, loaded, probe);
        }, opened -> {
            show(opened);
            if (becomesCurrent) {
                file.set(sessionFile);
                remember.accept(sessionFile.toString());
            }
        });
    }

    private record Opened(Session session, LoadedModel loaded, ProbeScores.Result probe) {
    }

    private void show(Opened o) {
        Session s = o.session();
        restoring = true;
        try {
            model.show(o.loaded());
            model.estimatorProperty().set(s.estimator());
            if (o.probe() != null) {
                model.showScores(s.data(), s.scores(), o.probe().probe(), o.probe().data().name());
            }
            NodeScore shown = s.shownScore() == null ? null : model.score(s.shownScore());
            if (shown != null) {
                model.networkView().scoreProperty().set(shown);
            }
            model.comparisons().setAll(s.comparisons());
        } finally {
            restoring = false;
        }
        dirty = false;
        if (s.mipp() != null && o.probe() != null) {
            mipp.restore(s.mipp());
        }
    }

    /** Finishes pending writes, stops autosaving and marks a clean exit. */
    public void close() {
        periodic.stop();
        if (dirty || afterChange.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            autosaveNow();
        }
        writer.shutdown();
        try {
            if (!writer.awaitTermination(20, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "infoprune: the session writer did not finish in 20 s");
            }
            autosave.markCleanExit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "infoprune: cannot mark a clean exit: " + e.getMessage());
        }
    }

    /** Waits until the autosave requested last is written (for tests and shutdown). */
    public void awaitAutosave() throws Exception {
        Future<?> f = lastAutosave;
        if (f != null) {
            f.get(30, TimeUnit.SECONDS);
        }
    }
}
