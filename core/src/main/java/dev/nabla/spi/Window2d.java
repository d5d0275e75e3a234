package dev.nabla.spi;

/**
 * The sliding-window geometry of im2col and col2im over the last two dims of an [N, C, H, W] image: a
 * {@code kernelH x kernelW} kernel whose taps are {@code dilation} apart, placed at {@code blocksH x blocksW}
 * positions {@code stride} apart, the first one {@code pad} elements before the image's top-left corner. Taps
 * that fall outside the image read a pad value (im2col) or are dropped (col2im). Core checks every field.
 */
public record Window2d(int kernelH, int kernelW, int dilationH, int dilationW, int padH, int padW,
                       int strideH, int strideW, int blocksH, int blocksW) {

    /** Taps per window: {@code kernelH * kernelW}. */
    public int kernelSize() {
        return kernelH * kernelW;
    }

    /** Window positions: {@code blocksH * blocksW}. */
    public int blocks() {
        return blocksH * blocksW;
    }
}
