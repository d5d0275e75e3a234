package dev.nabla.nn.optim;

import dev.nabla.Tensor;

import java.util.Map;

/**
 * An optimizer's state as flat maps, ready for a safetensors file: per-parameter tensors under names such as
 * {@code state.0.exp_avg} and hyperparameters as strings under names such as {@code param_groups.0.lr}.
 * Parameters are numbered in the order the optimizer holds them, as PyTorch's state_dict numbers them.
 */
public record OptimizerState(Map<String, Tensor> tensors, Map<String, String> values) {
}
