package dev.infoprune.engine;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.Splits;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;

import java.util.function.Function;

/**
 * A whole training run as {@code infoprune train} does it: fit the input normalisation on the training split,
 * train on it (the probe split is the validation set the listener sees), evaluate on the test split, and record
 * normalisation and model card with the network.
 */
public final class FreshTraining {
    private FreshTraining() {
    }

    /**
     * @param fresh            a freshly initialised network (e.g. {@link ArchitectureSpec#build}); its card's
     *                         architecture is kept
     * @param dataset          the data set's name for the card
     * @param fitNormalization fits the normalisation to the training split
     */
    public static TrainingResult train(Network fresh, String dataset, Splits splits, TrainingConfig config,
                                       Function<Dataset, Normalization> fitNormalization, TrainingListener listener,
                                       Progress progress) {
        Normalization normalization = fitNormalization.apply(splits.train());
        Network start = fresh.withNormalization(normalization);
        TrainingResult trained = Trainer.train(start, splits.train(), splits.probe(), config, listener,
                progress.slice(0, 0.97));
        Evaluation test = Inference.evaluate(trained.network(), splits.test(), progress.slice(0.97, 1));
        String notes = "trained on the train split (" + splits.train().size() + " samples), validated on the probe split ("
                + splits.probe().size() + "), tested on the test split (" + splits.test().size() + "); "
                + config.describe();
        ModelCard card = new ModelCard(dataset, config.seed(), config.epochs(), test.accuracy(), test.loss(),
                fresh.card().architecture(), notes);
        return new TrainingResult(trained.network().withCard(card), trained.history());
    }
}
