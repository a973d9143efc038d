package org.hygie.repository.backend;

/** A stored file's name and size, as a listing gives them. */
public record FileInfo(String name, long size) {
}
