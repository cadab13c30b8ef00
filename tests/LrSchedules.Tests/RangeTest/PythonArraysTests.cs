using LrSchedules.RangeTest;

namespace LrSchedules.Tests.RangeTest;

/// <summary>
/// The NumPy / Python operations the finders port, against those origins' semantics: Python slicing,
/// <c>numpy.argmin</c> (first NaN wins), <c>numpy.gradient</c> (one-sided at the ends, central inside) and
/// <c>numpy.interp</c> (compiled_base.c <c>arr_interp</c>: <c>xp[j] ≤ x &lt; xp[j+1]</c>, exact knots return <c>fp[j]</c>).
/// Each expected value is worked out in the comment beside it.
/// </summary>
public class PythonArraysTests
{
    [Fact]
    public void Slice_is_pythons_start_to_minus_end_with_zero_meaning_no_end_cut()
    {
        PythonArrays.Slice(10, 2, 3).Should().Be((2, 5));  // x[2:-3] of 10: indices 2..6
        PythonArrays.Slice(10, 2, 0).Should().Be((2, 8));  // x[2:]: indices 2..9
        PythonArrays.Slice(3, 5, 5).Should().Be((3, 0));   // start past the end: empty
        PythonArrays.Slice(4, 0, 6).Should().Be((0, 0));   // x[0:-6] of 4: empty, not negative
    }

    [Fact]
    public void ArgMin_returns_the_first_nan_or_else_the_first_smallest()
    {
        PythonArrays.ArgMin([3f, 1f, 1f, 2f]).Should().Be(1);
        PythonArrays.ArgMin([3f, float.NaN, 0f, float.NaN]).Should().Be(1);
        PythonArrays.ArgMin([3.0, 1.0, 1.0, 2.0]).Should().Be(1);
        PythonArrays.ArgMin([3.0, double.NaN, 0.0]).Should().Be(1);
    }

    [Fact]
    public void Gradient_takes_one_sided_differences_at_the_ends_and_halved_central_ones_inside()
    {
        // f = 1, 2, 4, 8: ends 2 − 1 = 1 and 8 − 4 = 4; inside (4 − 1) / 2 = 1.5 and (8 − 2) / 2 = 3.
        PythonArrays.Gradient([1f, 2f, 4f, 8f]).Should().Equal(1f, 1.5f, 3f, 4f);
        PythonArrays.Gradient([1.0, 2.0, 4.0, 8.0]).Should().Equal(1.0, 1.5, 3.0, 4.0);

        // Two points: both ends are the one difference.
        PythonArrays.Gradient([5f, 2f]).Should().Equal(-3f, -3f);
        PythonArrays.Gradient([5.0, 2.0]).Should().Equal(-3.0, -3.0);
    }

    [Fact]
    public void Interpolate_is_linear_inside_and_clamps_outside()
    {
        double[] xp = [0, 1, 2];
        double[] fp = [10, 20, 40];

        PythonArrays.Interpolate(-1, xp, fp).Should().Be(10);
        PythonArrays.Interpolate(0, xp, fp).Should().Be(10);
        PythonArrays.Interpolate(0.25, xp, fp).Should().Be(12.5);  // slope 10 from (0, 10)
        PythonArrays.Interpolate(1, xp, fp).Should().Be(20);
        PythonArrays.Interpolate(1.5, xp, fp).Should().Be(30);     // slope 20 from (1, 20)
        PythonArrays.Interpolate(2, xp, fp).Should().Be(40);       // x == xp[−1]: fp[−1]
        PythonArrays.Interpolate(3, xp, fp).Should().Be(40);
    }

    [Fact]
    public void Interpolate_returns_fp_at_an_exact_knot_and_takes_the_last_of_equal_knots_as_numpy_does()
    {
        // From the left knot the slope form would give 0.7 / 0.3 · 0.3 = 0.7000000000000001; numpy returns fp[j] itself.
        PythonArrays.Interpolate(0.3, [0, 0.3, 1], [0, 0.7, 1]).Should().Be(0.7);

        // Repeated knots: numpy's search finds the last j with xp[j] ≤ x, so x = 0 reads fp[1], not fp[0].
        PythonArrays.Interpolate(0, [0, 0, 1], [5, 6, 7]).Should().Be(6);
        PythonArrays.Interpolate(0.5, [0, 0, 1], [5, 6, 7]).Should().Be(6.5);

        // An exact knot next to an infinite value: numpy returns fp[j]; the slope form would give ∞ · 0 = NaN.
        PythonArrays.Interpolate(1, [0, 1, 2], [10, 20, double.PositiveInfinity]).Should().Be(20);
    }
}
