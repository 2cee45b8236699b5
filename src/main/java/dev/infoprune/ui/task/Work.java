package dev.infoprune.ui.task;

import dev.infoprune.core.Progress;

/** A piece of long work for the background: it reports through {@code progress} and returns its result. */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress) throws Exception;
}
