package io.github.corebackend.cache.spi;

/**
 * One cell of the write decision table ({@link WriteKind}): the change a store makes and the call
 * the cache makes to its writer.
 *
 * @param change what happens to the entry
 * @param writer what the writer is asked to do
 */
public record WriteRule(EntryChange change, WriterCall.Kind writer) {}
