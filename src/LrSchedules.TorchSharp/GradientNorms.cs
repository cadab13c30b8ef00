using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrSchedules.TorchSharp;

/// <summary>The squared norm of a model's gradient, the input of a gradient-noise-scale estimator.</summary>
public static class GradientNorms
{
    /// <summary>Gets <c>|g|² = Σ over parameters of Σ grad²</c> for every parameter of <paramref name="module"/> that has a gradient.</summary>
    /// <param name="module">The model, after <c>backward()</c>.</param>
    /// <returns>The squared norm of the whole gradient, as a double; 0 when no parameter has a gradient.</returns>
    /// <remarks>See <see cref="SquaredGradientNorm(IEnumerable{Parameter})"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> is null.</exception>
    public static double SquaredGradientNorm(this nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return SquaredGradientNorm(module.parameters());
    }

    /// <summary>Gets <c>|g|² = Σ over parameters of Σ grad²</c> (each parameter's <c>grad.pow(2).sum()</c>, added up) for the parameters that have a gradient.</summary>
    /// <param name="parameters">The parameters, after <c>backward()</c>.</param>
    /// <returns>The squared norm of the whole gradient, as a double; 0 when no parameter has a gradient.</returns>
    /// <remarks>
    /// <para>Each gradient is squared and summed in float64 on its own device, the sums are added there, and one value
    /// is copied to the host at the end: one synchronisation per call, whatever the number of parameters. Temporaries
    /// live in a dispose scope of their own; the gradients are not changed. Call it after <c>backward()</c> (and after
    /// any all-reduce, for the gradient of the global batch) and before <c>zero_grad()</c>.</para>
    /// <para>This is the <c>|G_B|²</c> of McCandlish et al. 2018 ("An Empirical Model of Large-Batch Training",
    /// appendix A): the squared norm of the gradient of a batch of size <c>B</c>; two such norms at two batch sizes
    /// (for example a worker's batch and the all-reduced one) give the estimator its unbiased estimates of
    /// <c>|G|²</c> and <c>tr(Σ)</c>. Equal to the square of <c>torch.nn.utils.clip_grad_norm_</c>'s total 2-norm.</para>
    /// <para>Needs TorchSharp's native library (see the package README for where it runs); not covered by this
    /// package's tests, which run where it cannot load.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static double SquaredGradientNorm(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using DisposeScope scope = NewDisposeScope();
        using IDisposable noGrad = no_grad();
        Tensor? total = null;
        foreach (Parameter parameter in parameters)
        {
            Tensor? gradient = parameter.grad;
            if (gradient is null)
            {
                continue;
            }

            Tensor squared = gradient.to_type(ScalarType.Float64).square().sum();
            total = total is null ? squared : total.add(squared);
        }

        return total is null ? 0.0 : total.item<double>();
    }
}
