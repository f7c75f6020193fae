package io.github.corebackend.cache.copy;

/**
 * Decides the form in which a local store keeps keys and values, so that store-by-value caches never
 * share mutable objects with their callers.
 */
public interface Copier {

  /** Store-by-reference: keeps and returns the caller's objects as they are. */
  Copier IDENTITY = new Copier() {
    @Override
    public Object toStored(Object key, Object value) {
      return value;
    }

    @Override
    public Object fromStored(Object stored) {
      return stored;
    }

    @Override
    public <T> T copyKey(T key) {
      return key;
    }

    @Override
    public boolean storedEquals(Object stored, Object other) {
      return stored.equals(other);
    }
  };

  /**
   * The form in which {@code value} is kept; later changes to {@code value} must not affect it.
   *
   * @param key the entry's key, named in errors
   */
  Object toStored(Object key, Object value);

  /** A value for a caller, built from the stored form; changes to it must not affect the store. */
  Object fromStored(Object stored);

  /** A copy of {@code key} that is safe to keep (or hand out) while the caller changes the original. */
  <T> T copyKey(T key);

  /** Whether the value kept as {@code stored} equals {@code other}. */
  boolean storedEquals(Object stored, Object other);
}
