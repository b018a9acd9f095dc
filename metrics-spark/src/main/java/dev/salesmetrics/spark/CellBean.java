package dev.salesmetrics.spark;

import java.io.Serializable;

/**
 * One cell of a {@link SparkQuery} between its stages: the group and period as a key, and the
 * metrics' states or values as bytes. A Java bean for Spark's bean encoder; not for use outside
 * the query.
 */
public final class CellBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The group and period, encoded. */
  private String key = "";

  /** The states or values. */
  private byte[] bytes = new byte[0];

  /** Creates an empty cell. */
  public CellBean() {}

  CellBean(String key, byte[] bytes) {
    this.key = key;
    this.bytes = bytes;
  }

  /**
   * Returns the key.
   *
   * @return the group and period, encoded
   */
  public String getKey() {
    return key;
  }

  /**
   * Sets the key.
   *
   * @param key the group and period, encoded
   */
  public void setKey(String key) {
    this.key = key;
  }

  /**
   * Returns the bytes.
   *
   * @return the states or values (the cell's own array)
   */
  public byte[] getBytes() {
    return bytes;
  }

  /**
   * Sets the bytes.
   *
   * @param bytes the states or values, taken as they are
   */
  public void setBytes(byte[] bytes) {
    this.bytes = bytes;
  }
}
