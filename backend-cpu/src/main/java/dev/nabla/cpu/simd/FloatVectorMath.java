package dev.nabla.cpu.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import static dev.nabla.cpu.simd.FloatMath.*;

/**
 * {@link FloatMath}'s functions over arrays, lane by lane with exactly the scalar operations (the vector path runs
 * only where the CPU has FMA, so exp's fused steps match), and the scalar functions for the tail: every element
 * gets the same bits wherever it falls. sigmoid and tanh widen to double lanes as the scalar code does. Two ops
 * share each loop so that C2 compiles it sooner (see {@link DoubleVectorLoops}), and each loop's math is written out
 * inside it: a loop of fewer than 325 bytecodes (C2's FreqInlineSize) gets inlined into a hot caller, where C2 was
 * seen to give up on some Vector API intrinsics and box every vector (exp on 1M floats fell from 15 to 0.9 GB/s).
 */
final class FloatVectorMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, S.vectorShape());
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** Floats as many as DS has doubles, to widen and narrow without changing the lane count. */
    private static final VectorSpecies<Float> HS = VectorSpecies.of(float.class,
            VectorShape.forBitSize(DS.vectorBitSize() / 2));
    private static final int HL = HS.length();

    private FloatVectorMath() {
    }

    /** True where a half-width float species exists for the double lanes (not on 128-bit vector hardware). */
    static boolean widens() {
        return DS.vectorBitSize() >= 128;
    }

    /** {@code o = op(a)} over n elements for EXP or LOG, whose lanes are floats. */
    static void expLog(boolean exp, float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        int end = S.loopBound(n);
        if (exp) {
            for (; i < end; i += L) {
                FloatVector x = FloatVector.fromArray(S, a, ao + i);
                FloatVector t = x.fma(LOG2E, ROUNDER);
                FloatVector q = t.sub(ROUNDER);
                IntVector qi = t.reinterpretAsInts().sub(ROUNDER_BITS);
                FloatVector s = q.fma(FloatVector.broadcast(S, -LN2_HI), x);
                s = q.fma(FloatVector.broadcast(S, -LN2_LO), s);
                FloatVector u = s.fma(FloatVector.broadcast(S, E5), FloatVector.broadcast(S, E4));
                u = u.fma(s, FloatVector.broadcast(S, E3));
                u = u.fma(s, FloatVector.broadcast(S, E2));
                u = u.fma(s, FloatVector.broadcast(S, E1));
                u = u.fma(s, FloatVector.broadcast(S, 0.5f));
                u = s.mul(s).fma(u, s).add(1f);
                IntVector h = qi.lanewise(VectorOperators.ASHR, 1);
                FloatVector p1 = h.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector p2 = qi.sub(h).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                u.mul(p1).mul(p2).blend(0f, x.lt(EXP_MIN))
                        .blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_MAX))
                        .intoArray(o, oo + i);
            }
            for (; i < n; i++) o[oo + i] = FloatMath.exp(a[ao + i]);
            return;
        }
        for (; i < end; i += L) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            // The scalar code's one test of the bits, made per lane type; the two differ only on NaN, whose result
            // is NaN.
            VectorMask<Integer> tiny = x.reinterpretAsInts().lt(0x00800000);
            IntVector bits = x.blend(x.mul(0x1p25f), x.lt(Float.MIN_NORMAL)).reinterpretAsInts();
            IntVector k = IntVector.zero(IS).blend(-25, tiny);
            k = k.add(bits.lanewise(VectorOperators.ASHR, 23)).sub(127);
            IntVector m = bits.and(0x007fffff);
            IntVector j = m.add(0x4afb20).and(0x800000);
            FloatVector f = m.or(j.lanewise(VectorOperators.XOR, 0x3f800000)).reinterpretAsFloats().sub(1f);
            k = k.add(j.lanewise(VectorOperators.ASHR, 23));
            FloatVector s = f.div(f.add(2f));
            FloatVector dk = (FloatVector) k.convert(VectorOperators.I2F, 0);
            FloatVector z = s.mul(s);
            FloatVector w = z.mul(z);
            FloatVector r = z.mul(w.mul(LG3).add(LG1)).add(w.mul(w.mul(LG4).add(LG2)));
            FloatVector hfsq = f.mul(0.5f).mul(f);
            FloatVector y = dk.mul(LOG_LN2_HI).sub(hfsq.sub(s.mul(hfsq.add(r)).add(dk.mul(LOG_LN2_LO))).sub(f));
            y.blend(Float.NaN, x.compare(VectorOperators.GT, 0f).not())
                    .blend(Float.NEGATIVE_INFINITY, x.eq(0f))
                    .blend(Float.POSITIVE_INFINITY, x.eq(Float.POSITIVE_INFINITY))
                    .intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = FloatMath.log(a[ao + i]);
    }

    /** {@code o = op(a)} over n elements for SIGMOID or TANH, whose lanes are doubles. */
    static void sigmoidTanh(boolean sigmoid, float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        int end = HS.loopBound(n);
        DoubleVector one = DoubleVector.broadcast(DS, 1);
        if (sigmoid) {
            for (; i < end; i += HL) {
                DoubleVector d = (DoubleVector) FloatVector.fromArray(HS, a, ao + i).castShape(DS, 0);
                DoubleVector e = expCore(d.neg().max(-D_CLAMP).min(D_CLAMP));
                ((FloatVector) one.div(e.add(1)).castShape(HS, 0)).intoArray(o, oo + i);
            }
            for (; i < n; i++) o[oo + i] = FloatMath.sigmoid(a[ao + i]);
            return;
        }
        for (; i < end; i += HL) {
            DoubleVector d = (DoubleVector) FloatVector.fromArray(HS, a, ao + i).castShape(DS, 0);
            DoubleVector abs = d.abs().min(TANH_CLAMP);
            DoubleVector big = one.sub(DoubleVector.broadcast(DS, 2).div(expCore(abs.mul(2)).add(1)));
            big = big.blend(big.neg(), d.lt(0));
            DoubleVector d2 = d.mul(d);
            DoubleVector small = d.mul(d2.mul(d2.mul(2.0 / 15).add(-1.0 / 3)).add(1));
            ((FloatVector) big.blend(small, abs.lt(TANH_SMALL)).castShape(HS, 0)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = FloatMath.tanh(a[ao + i]);
    }

    /** e^x in double lanes, as FloatMath's scalar helper computes it; small enough that C2 always inlines it. */
    private static DoubleVector expCore(DoubleVector x) {
        DoubleVector t = x.mul(D_LOG2E).add(D_ROUNDER);
        DoubleVector q = t.sub(D_ROUNDER);
        LongVector qi = t.reinterpretAsLongs().sub(D_ROUNDER_BITS);
        DoubleVector s = x.sub(q.mul(D_LN2_HI)).sub(q.mul(D_LN2_LO));
        DoubleVector p = DoubleVector.broadcast(DS, D_TAYLOR[0]);
        for (int k = 1; k < D_TAYLOR.length; k++) p = p.mul(s).add(D_TAYLOR[k]);
        p = p.mul(s).add(1).mul(s).add(1);
        return p.mul(qi.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles());
    }
}
