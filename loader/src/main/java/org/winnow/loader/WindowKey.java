package org.winnow.loader;

/** A shuffle window of one epoch. */
record WindowKey(int epoch, int window) {}
