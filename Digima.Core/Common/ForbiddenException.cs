namespace Digima.Core.Common;

/// <summary>The current user may not do this. Pages show a generic "no permission" message.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
