using System.Globalization;
using LRScheduler = TorchSharp.torch.optim.lr_scheduler.LRScheduler;
using Optimizer = TorchSharp.torch.optim.Optimizer;

namespace LrSchedules.TorchSharp;

/// <summary>
/// A TorchSharp <c>LRScheduler</c> driven by closed-form schedules, for code written around <c>scheduler.step()</c>:
/// it sets every parameter group's learning rate, momentum or betas and weight decay like
/// <see cref="ParamGroupScheduler"/>, and can start (resume) at any step.
/// </summary>
/// <remarks>
/// <para><b>Steps.</b> The constructor sets the values of <c>startStep</c> (0 by default), as PyTorch's and
/// TorchSharp's schedulers set those of step 0 when they are built. Each <see cref="step()"/> then moves to the next
/// step, so the usual loop (<c>optimizer.step(); scheduler.step();</c>) updates with the values of steps 0, 1, 2, …
/// <see cref="step(int?)"/> with an epoch moves to that step, and <see cref="StepTo"/> to any step up to
/// <see cref="long.MaxValue"/>.</para>
/// <para><b>Resuming.</b> TorchSharp's own schedulers compute each rate from the previous one and keep their position in
/// fields a subclass cannot set (<c>_last_epoch</c>, <c>_base_lrs</c>, <c>_last_lrs</c> and <c>_optimizer</c> are
/// <c>internal</c> in <c>src/TorchSharp/Optimizers/LRScheduler.cs</c>; <c>_step_count</c> is the only
/// <c>protected</c> one), so they cannot be resumed. This one keeps its own step (<see cref="CurrentStep"/>) and reads
/// the schedules in closed form: after loading a checkpoint saved before step <c>t</c>, build it with
/// <c>startStep: t</c>. It overrides every <c>step</c> overload, keeps <c>_step_count</c> at
/// <c>CurrentStep + 1</c> (saturated at <see cref="int.MaxValue"/>), and keeps <c>get_last_lr()</c> current by writing
/// the rates into the list the base class returns.</para>
/// <para>The metric of <see cref="step(double, int?)"/> is ignored. Allocation: each step is
/// <see cref="ParamGroupScheduler.Apply"/> plus one copy of the rates into that list, and allocates nothing. Not
/// thread-safe.</para>
/// </remarks>
public sealed class ClosedFormLRScheduler : LRScheduler
{
    private readonly ParamGroupScheduler _groups;
    private readonly IList<double>? _lastRates;

    /// <summary>Initializes the scheduler and sets the values of <paramref name="startStep"/>.</summary>
    /// <param name="optimizer">The optimizer whose parameter groups to set.</param>
    /// <param name="schedules">The schedules to follow.</param>
    /// <param name="startStep">The step whose values to set now: 0 for a new run, the next step's index when resuming; ≥ 0.</param>
    /// <param name="learningRateScales">One factor per group multiplying the learning rate; 1 for every group when null.</param>
    /// <param name="weightDecayScales">One factor per group multiplying the weight decay; 1 for every group when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="optimizer"/> or <paramref name="schedules"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startStep"/> is negative.</exception>
    /// <exception cref="ArgumentException">The optimizer has no group, or a group does not support a scheduled series.</exception>
    /// <exception cref="ScheduleArgumentException">A scale is negative, NaN or infinite, or there is not one scale per group.</exception>
    /// <exception cref="InvalidOperationException">A schedule returned a value outside its range at <paramref name="startStep"/>.</exception>
    public ClosedFormLRScheduler(
        Optimizer optimizer,
        HyperparameterSchedules schedules,
        long startStep = 0,
        IEnumerable<double>? learningRateScales = null,
        IEnumerable<double>? weightDecayScales = null)
        : base(NotNull(optimizer))
    {
        _groups = new ParamGroupScheduler(optimizer.ParamGroups, schedules, learningRateScales, weightDecayScales);

        // The base class keeps the last rates in a List<double> that get_last_lr() returns and only its own step()
        // updates: rewriting its elements keeps get_last_lr() right without allocating.
        _lastRates = get_last_lr() as IList<double>;
        StepTo(startStep);
    }

    /// <summary>Gets the step whose values the parameter groups hold: the step of the next <c>optimizer.step()</c>.</summary>
    public long CurrentStep { get; private set; }

    /// <summary>Gets the schedules the groups follow.</summary>
    public HyperparameterSchedules Schedules => _groups.Schedules;

    /// <summary>Moves to the next step and sets its values.</summary>
    /// <exception cref="InvalidOperationException">The current step is <see cref="long.MaxValue"/>, or a schedule returned a value outside its range.</exception>
    public override void step()
    {
        if (CurrentStep == long.MaxValue)
        {
            throw new InvalidOperationException("The scheduler is at step long.MaxValue and cannot move past it.");
        }

        StepTo(CurrentStep + 1);
    }

    /// <summary>Moves to the next step, or to the step <paramref name="epoch"/> when it is given, and sets its values.</summary>
    /// <param name="epoch">The step to move to (TorchSharp's name for the position); the next step when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">A schedule returned a value outside its range.</exception>
    public override void step(int? epoch)
    {
        if (epoch is int position)
        {
            StepTo(position);
        }
        else
        {
            step();
        }
    }

    /// <summary>Same as <see cref="step(int?)"/>; the metric is ignored (closed-form schedules do not read one).</summary>
    /// <param name="current">A metric; ignored.</param>
    /// <param name="epoch">The step to move to; the next step when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">A schedule returned a value outside its range.</exception>
    public override void step(double current, int? epoch = null) => step(epoch);

    /// <summary>Moves to <paramref name="step"/> and sets its values: what resuming or jumping needs.</summary>
    /// <param name="step">The step; ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">A schedule returned a value outside its range.</exception>
    public void StepTo(long step)
    {
        if (step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be >= 0 but was {step.ToString(CultureInfo.InvariantCulture)}.");
        }

        _groups.Apply(step);
        CurrentStep = step;
        _step_count = step >= int.MaxValue ? int.MaxValue : (int)step + 1;
        if (_lastRates is not null)
        {
            _groups.CopyLearningRates(_lastRates);
        }
    }

    /// <summary>The learning rates of the current step, one per group (the base class's contract; allocates).</summary>
    /// <returns>The groups' learning rates.</returns>
    protected override IEnumerable<double> get_lr()
    {
        var rates = new double[_groups.GroupCount];
        _groups.CopyLearningRates(rates);
        return rates;
    }

    /// <summary>Same as <see cref="get_lr"/>: every value here is closed form.</summary>
    /// <returns>The groups' learning rates.</returns>
    protected override IEnumerable<double> get_closed_form_lr() => get_lr();

    private static Optimizer NotNull(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return optimizer;
    }
}
