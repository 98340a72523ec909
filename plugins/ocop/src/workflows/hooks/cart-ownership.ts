import { MedusaError } from "@medusajs/framework/utils"
import { transferCartCustomerWorkflow } from "@medusajs/medusa/core-flows"

// A cart whose customer has an account stays that customer's: another logged-in customer who
// learns its id cannot make it theirs (Medusa transfers any cart to whoever asks). Guest carts —
// including a guest checkout that typed a registered email — can still be taken over by a login.
transferCartCustomerWorkflow.hooks.validate(async ({ input, cart }) => {
  const owner = (cart as any)?.customer
  if (owner?.has_account && (cart as any).customer_id !== (input as any).customer_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${(cart as any).id} was not found`)
  }
})
