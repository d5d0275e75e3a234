package dev.nabla.opencl;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a test class that needs an OpenCL device: see {@link OpenClCondition} for when it is skipped or fails. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OpenClCondition.class)
@interface OnOpenCl {
}
