import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AmountRow, TOTAL_ROW } from "./AmountRow";
import { OrderItemLine } from "./OrderItemLine";
import { RadioCard } from "./RadioCard";

afterEach(cleanup);

describe("AmountRow", () => {
  it("pairs the name with the amount as a term and its definition", () => {
    const { container } = render(
      <dl>
        <AmountRow label="Tạm tính" testId="summary-subtotal">
          120.000 ₫
        </AmountRow>
      </dl>
    );
    expect(container.querySelector("dt")?.textContent).toBe("Tạm tính");
    expect(screen.getByTestId("summary-subtotal").tagName).toBe("DD");
    expect(screen.getByTestId("summary-subtotal").textContent).toBe("120.000 ₫");
  });

  it("keeps the row's own classes after the shared ones (the total's rule)", () => {
    const { container } = render(
      <dl>
        <AmountRow label="Tổng cộng" className={`${TOTAL_ROW} text-lg`} valueClassName="text-right">
          1 ₫
        </AmountRow>
      </dl>
    );
    expect(container.querySelector("div")?.className).toBe(`flex justify-between ${TOTAL_ROW} text-lg`);
    expect(container.querySelector("dd")?.className).toBe("text-right tabular-nums");
  });
});

describe("RadioCard", () => {
  it("is a radio named by the whole card, and choosing it anywhere calls onChoose", () => {
    const onChoose = vi.fn();
    render(
      <RadioCard name="payment_provider" value="cod" checked={false} onChoose={onChoose}>
        <span>Thanh toán khi nhận hàng</span>
      </RadioCard>
    );
    const radio = screen.getByRole("radio", { name: "Thanh toán khi nhận hàng" });
    expect((radio as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByText("Thanh toán khi nhận hàng"));
    expect(onChoose).toHaveBeenCalledTimes(1);
  });
});

describe("OrderItemLine", () => {
  it("shows the title, the quantity and what the line costs", () => {
    render(
      <ul>
        <OrderItemLine
          line={{ title: "Chè Shan tuyết", quantity: 3, unit_price: 120000 }}
          className="flex"
          testId="order-line"
        />
      </ul>
    );
    const line = screen.getByTestId("order-line");
    expect(line.textContent).toContain("Chè Shan tuyết × 3");
    expect(line.textContent).toMatch(/360\.000\s₫/);
  });
});
