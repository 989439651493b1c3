// Items API in Echo: list, get by id, create with bind and a validator.
package main

import (
	"net/http"
	"os"
	"strconv"
	"sync"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"
)

type Item struct {
	ID    int     `json:"id"`
	Name  string  `json:"name"`
	Price float64 `json:"price"`
}

type NewItem struct {
	Name  string   `json:"name" validate:"required,min=1,max=100"`
	Price *float64 `json:"price" validate:"required,gte=0"`
}

type CustomValidator struct {
	validator *validator.Validate
}

func (cv *CustomValidator) Validate(i interface{}) error {
	if err := cv.validator.Struct(i); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	return nil
}

var (
	mu    sync.Mutex
	items = []Item{{1, "Keyboard", 49.5}, {2, "Mouse", 19.99}}
)

func listItems(c echo.Context) error {
	mu.Lock()
	defer mu.Unlock()
	return c.JSON(http.StatusOK, items)
}

func getItem(c echo.Context) error {
	id, _ := strconv.Atoi(c.Param("id"))
	mu.Lock()
	defer mu.Unlock()
	for _, item := range items {
		if item.ID == id {
			return c.JSON(http.StatusOK, item)
		}
	}
	return echo.NewHTTPError(http.StatusNotFound, "item not found")
}

func createItem(c echo.Context) error {
	input := new(NewItem)
	if err := c.Bind(input); err != nil {
		return err
	}
	if err := c.Validate(input); err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	item := Item{ID: items[len(items)-1].ID + 1, Name: input.Name, Price: *input.Price}
	items = append(items, item)
	return c.JSON(http.StatusCreated, item)
}

func main() {
	e := echo.New()
	e.Validator = &CustomValidator{validator: validator.New()}
	e.GET("/items", listItems)
	e.GET("/items/:id", getItem)
	e.POST("/items", createItem)
	e.Logger.Fatal(e.Start("127.0.0.1:" + os.Getenv("PORT")))
}
