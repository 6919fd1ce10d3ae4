using Digima.Core.Common;
using Digima.Core.Resources;
using Digima.Core.Timeline;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Customers;

/// <summary>Creates a customer (id 0) or updates one. The contact fields that mail updates are
/// not editable here.</summary>
public sealed class SaveCustomerCommand(
    ICustomerRepository customers,
    IValidator<CustomerInput> validator,
    ICustomerEventRecorder events,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text)
{
    public async Task<Outcome<long>> SaveAsync(CurrentUser actor, long id, CustomerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<long>.Failure(validation.Errors);
        }

        var customer = input.ToCustomer(id);
        try
        {
            if (id == 0)
            {
                return Outcome<long>.Success(await customers.InsertAsync(customer with { CreatedByUserId = actor.Id }, cancellationToken));
            }

            var before = await customers.GetAsync(id, cancellationToken);
            if (before is null || !await customers.UpdateAsync(customer, cancellationToken))
            {
                throw new NotFoundException($"Customer {id} does not exist.");
            }

            var changed = CustomerInput.From(before).ChangedFields(input);
            if (changed.Count > 0)
            {
                var change = new CustomerEvent(id, CustomerEventKind.ContactFieldChanged, time.GetUtcNow(), actor.Id, Detail: string.Join(',', changed));
                await events.RecordAsync([change], cancellationToken);
            }

            return Outcome<long>.Success(id);
        }
        catch (DuplicateEmailException)
        {
            return Outcome<long>.Failure(nameof(CustomerInput.Email), text["CustomerEmailTaken"]);
        }
    }
}
