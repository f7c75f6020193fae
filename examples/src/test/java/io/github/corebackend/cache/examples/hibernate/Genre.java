package io.github.corebackend.cache.examples.hibernate;

/** An enum of the model: Hibernate keeps its values as they are inside its cache entries. */
public enum Genre {
  FICTION,
  ESSAY
}
