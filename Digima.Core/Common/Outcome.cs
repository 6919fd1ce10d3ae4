using FluentValidation.Results;

namespace Digima.Core.Common;

/// <summary>Result of a command that can be refused for reasons the user must read and fix.</summary>
public sealed record Outcome<T>(T? Value, IReadOnlyList<ValidationFailure> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static Outcome<T> Success(T value) => new(value, []);

    public static Outcome<T> Failure(IEnumerable<ValidationFailure> errors) => new(default, errors.ToList());

    public static Outcome<T> Failure(string property, string message) => new(default, [new ValidationFailure(property, message)]);
}
