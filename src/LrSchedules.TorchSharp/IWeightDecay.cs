namespace LrSchedules.TorchSharp;

/// <summary>
/// A parameter group whose weight decay can be set: implement it on a parameter group of your own optimizer so that
/// <see cref="ParamGroupScheduler"/> can schedule its weight decay.
/// </summary>
/// <remarks>
/// TorchSharp's own optimizers need no such interface: their groups keep the weight decay in a <c>weight_decay</c>
/// field of their options class (SGD, Adam, AdamW, Adamax, NAdam, RAdam, RMSprop, Adagrad, Adadelta, ASGD), which
/// <see cref="ParamGroupScheduler"/> sets directly. TorchSharp defines <c>ILearningRateController</c>,
/// <c>IMomentum</c> and <c>IBetas</c> for the other values, but nothing for the weight decay.
/// </remarks>
public interface IWeightDecay
{
    /// <summary>Gets or sets the weight decay the group's next update uses.</summary>
    double WeightDecay { get; set; }
}
