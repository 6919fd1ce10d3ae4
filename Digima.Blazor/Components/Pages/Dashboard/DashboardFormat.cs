using System.Globalization;

namespace Digima.Blazor.Components.Pages.Dashboard;

internal static class DashboardFormat
{
    /// <summary>A rate as a whole percent; a dash when there was nothing to divide by.</summary>
    public static string Rate(double? rate) => rate is { } r ? r.ToString("P0", CultureInfo.CurrentCulture) : "—";

    /// <summary>A week on a chart's axis: its Monday, month and day.</summary>
    public static string Week(DateOnly monday) => monday.ToString("M/d", CultureInfo.InvariantCulture);
}
