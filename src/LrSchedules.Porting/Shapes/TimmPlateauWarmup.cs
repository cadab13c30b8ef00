namespace LrSchedules.Porting.Shapes;

/// <summary>
/// timm <c>PlateauLRScheduler</c>'s warmup, in its own arithmetic: <c>warmup_lr_init + t · s</c> with
/// <c>s = (lr − warmup_lr_init) / warmup_t</c> for <c>t ≤ warmup_t</c>, then the last of those values held (the rate
/// torch's <c>ReduceLROnPlateau</c> goes on to reduce).
/// </summary>
/// <remarks>
/// <para>Origin: <c>timm/scheduler/plateau_lr.py</c> (huggingface/pytorch-image-models, commit aa4b5850):
/// <c>self.warmup_steps = [(v - warmup_lr_init) / self.warmup_t for v in self.base_values]</c> and, in
/// <c>step(epoch)</c>, <c>lrs = [self.warmup_lr_init + epoch * s for s in self.warmup_steps]</c>. The held value
/// <c>warmup_lr_init + warmup_t · s</c> can differ from <c>lr</c> in the last bit, as in timm. A core
/// <c>WithLinearWarmup</c> computes <c>a + (b − a) · (t / W)</c> and ends exactly on <c>b</c>, so it is not used here.</para>
/// <para>Holds one rate from <c>warmup_t</c> on (<see cref="IHoldsRate"/>), so the plateau controller over it reduces
/// that rate one multiplication at a time, as torch reduces the optimizer's rate. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class TimmPlateauWarmup : LearningRateSchedule, IHoldsRate
{
    private readonly double _init;
    private readonly double _slope;
    private readonly double _warmupT;

    internal TimmPlateauWarmup(double lr, long warmupT, double warmupLrInit)
    {
        _init = warmupLrInit;
        _slope = (lr - warmupLrInit) / warmupT;
        _warmupT = warmupT;
        HoldsFrom = warmupT;
        HeldRate = warmupLrInit + (warmupT * _slope);
    }

    /// <inheritdoc/>
    public long HoldsFrom { get; }

    /// <inheritdoc/>
    public double HeldRate { get; }

    internal override double Evaluate(double position) => position >= _warmupT ? HeldRate : _init + (position * _slope);

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(_init, HeldRate);
}
