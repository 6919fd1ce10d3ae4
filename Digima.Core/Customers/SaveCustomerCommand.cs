using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Customers;

/// <summary>Creates a customer (id 0) or updates one. The contact fields that mail updates are
/// not editable here.</summary>
public sealed class SaveCustomerCommand(
    ICustomerRepository customers,
    IValidator<CustomerInput> validator,
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
                return Outcome<long>.Success(await customers.InsertAsync(customer, cancellationToken));
            }

            if (!await customers.UpdateAsync(customer, cancellationToken))
            {
                throw new NotFoundException($"Customer {id} does not exist.");
            }

            return Outcome<long>.Success(id);
        }
        catch (DuplicateEmailException)
        {
            return Outcome<long>.Failure(nameof(CustomerInput.Email), text["CustomerEmailTaken"]);
        }
    }
}
