package com.example.pages;

import dev.readonce.annotations.PointerTest;
import dev.readonce.annotations.PointerTest.Shows;

/** What an entry's bits say; the checker learns each test's answer on its branches. */
final class Entries {

  private Entries() {}

  @PointerTest(Shows.NONE)
  static boolean isNone(long entry) {
    return entry == 0;
  }

  @PointerTest(Shows.LEAF)
  static boolean isLeaf(long entry) {
    return (entry & 2) != 0;
  }
}
