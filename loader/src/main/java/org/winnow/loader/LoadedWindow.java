package org.winnow.loader;

import org.winnow.loader.plan.PlannedWindow;

/** A shuffle window whose chunks have all been decoded (or have failed). */
record LoadedWindow(WindowKey key, PlannedWindow plan, LoadedChunk[] chunks) {}
