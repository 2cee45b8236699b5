package dev.infoprune.info;

import java.util.List;

/** The catalog of the loss-based {@link LossSession}s, in the form the estimator pickers show. */
public final class LossSessions {
    private LossSessions() {
    }

    public static List<Estimators.Description> catalog() {
        ReconstructionSettings d = ReconstructionSettings.defaults();
        return List.of(
                new Estimators.Description(ReconstructionSettings.NAME,
                        "the MIPP paper's estimate: held-out loss of an MLP reconstructing the next layer, re-fitted per test",
                        List.of(new Estimators.Parameter("hidden", String.valueOf(d.hidden()), "hidden units of the MLP g"),
                                new Estimators.Parameter("steps", String.valueOf(d.maxSteps()), "most Adam steps of g's first fit"),
                                new Estimators.Parameter("eval-every", String.valueOf(d.evalEvery()), "steps between held-out checks"),
                                new Estimators.Parameter("patience", String.valueOf(d.patience()), "checks without improvement before the first fit stops"),
                                new Estimators.Parameter("refit-steps", String.valueOf(d.refitSteps()), "Adam steps of each warm re-fit"),
                                new Estimators.Parameter("lr", String.valueOf(d.learningRate()), "Adam learning rate"),
                                new Estimators.Parameter("batch", String.valueOf(d.batch()), "rows per step"),
                                new Estimators.Parameter("holdout", String.valueOf(d.holdout()), "share of rows the losses are measured on"))),
                new Estimators.Description(RidgeCvSession.NAME,
                        "fast mode, not the paper's: closed-form ridge regression, k-fold cross-validated loss (folds = repeats)",
                        List.of(new Estimators.Parameter("lambda", String.valueOf(RidgeCvSession.DEFAULT_LAMBDA), "ridge penalty on standardised inputs"))));
    }
}
