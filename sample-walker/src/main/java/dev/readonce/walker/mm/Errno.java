package dev.readonce.walker.mm;

/** The kernel error numbers the model returns, negated as the kernel returns them. */
public final class Errno {

  public static final int EPERM = 1;
  public static final int EAGAIN = 11;
  public static final int ENOMEM = 12;
  public static final int EFAULT = 14;
  public static final int EBUSY = 16;
  public static final int EINVAL = 22;

  private Errno() {}
}
