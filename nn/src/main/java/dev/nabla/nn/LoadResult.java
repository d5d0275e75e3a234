package dev.nabla.nn;

import java.util.List;

/** What {@link Module#loadStateDict} left unmatched, as PyTorch's {@code (missing_keys, unexpected_keys)}. */
public record LoadResult(List<String> missingKeys, List<String> unexpectedKeys) {
}
