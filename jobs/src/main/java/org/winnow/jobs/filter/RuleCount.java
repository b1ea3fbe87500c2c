package org.winnow.jobs.filter;

/**
 * One rule's row of the per-rule report.
 *
 * @param rule    the rule's name (its ledger reason)
 * @param removed documents it removed: those it was the first rule to fail
 * @param alone   documents it fails at all: what it would remove if it were the only rule
 */
public record RuleCount(String rule, long removed, long alone) {}
