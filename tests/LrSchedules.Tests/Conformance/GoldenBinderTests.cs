using System.Text.Json;
using LrSchedules.Porting;

namespace LrSchedules.Tests.Conformance;

public class GoldenBinderTests
{
    [Theory]
    [InlineData("T_max", "tMax")]
    [InlineData("eta_min", "etaMin")]
    [InlineData("T_0", "t0")]
    [InlineData("num_warmup_steps", "numWarmupSteps")]
    public void Python_keywords_become_camel_case_parameters(string snake, string camel) =>
        GoldenBinder.CamelCase(snake).Should().Be(camel);

    [Theory]
    [InlineData("torch.optim.lr_scheduler.OneCycleLR", typeof(Torch), "OneCycleLR")]
    [InlineData("transformers.get_wsd_schedule", typeof(Transformers), "GetWsdSchedule")]
    [InlineData("optax.warmup_cosine_decay_schedule", typeof(Optax), "WarmupCosineDecaySchedule")]
    [InlineData("timm.scheduler.CosineLRScheduler", typeof(Timm), "CosineLRScheduler")]
    public void Api_names_the_origin_class_and_method(string api, Type origin, string method) =>
        GoldenBinder.Resolve(api).Should().Be((origin, method));

    [Fact]
    public void A_parameter_the_method_does_not_have_fails_the_case_by_name()
    {
        using var document = JsonDocument.Parse("""{"step_size": 30, "gamma": 0.1, "warp_factor": 9}""");
        Action build = () => GoldenBinder.Build("torch.optim.lr_scheduler.StepLR", document.RootElement, 0.1);
        build.Should().Throw<UnmappableCaseException>().WithMessage("*warpFactor*");
    }

    [Fact]
    public void An_absent_parameter_takes_the_origin_default_and_base_lr_binds_to_lr()
    {
        using var document = JsonDocument.Parse("""{"step_size": 2}""");
        var schedule = (ILearningRateSchedule)GoldenBinder.Build("torch.optim.lr_scheduler.StepLR", document.RootElement, 0.5);
        schedule.GetLearningRate(1).Should().Be(0.5);
        schedule.GetLearningRate(2).Should().Be(0.5 * 0.1);
    }

    [Fact]
    public void An_unknown_api_is_unmappable()
    {
        using var document = JsonDocument.Parse("{}");
        Action build = () => GoldenBinder.Build("mxnet.lr_scheduler.FactorScheduler", document.RootElement, 0.1);
        build.Should().Throw<UnmappableCaseException>().WithMessage("*mxnet*");
    }
}

public class PortedScheduleContractTests
{
    public static TheoryData<string> PureCaseIds()
    {
        var data = new TheoryData<string>();
        foreach (GoldenCase goldenCase in GoldenFile.Cases.Where(c => c.Metrics is null))
        {
            data.Add(goldenCase.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PureCaseIds))]
    public void Every_schedule_a_golden_case_builds_through_the_porting_surface_keeps_the_contract(string id)
    {
        GoldenCase goldenCase = GoldenFile.Cases.First(c => c.Id == id);
        var schedule = (ILearningRateSchedule)GoldenBinder.Build(goldenCase.Api, goldenCase.Parameters, goldenCase.BaseLearningRate);
        LrSchedules.Tests.Contract.ScheduleContract.Holds(schedule);
    }
}
