namespace Digima.Core.Tracking;

public enum TrackingKind
{
    Open,
    Click,
}
