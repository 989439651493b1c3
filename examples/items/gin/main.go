// Items API in Gin: list, get by id, create with binding validation.
package main

import (
	"net/http"
	"os"
	"strconv"
	"sync"

	"github.com/gin-gonic/gin"
)

type Item struct {
	ID    int     `json:"id"`
	Name  string  `json:"name"`
	Price float64 `json:"price"`
}

type NewItem struct {
	Name  string   `json:"name" binding:"required,min=1,max=100"`
	Price *float64 `json:"price" binding:"required,gte=0"`
}

var (
	mu    sync.Mutex
	items = []Item{{1, "Keyboard", 49.5}, {2, "Mouse", 19.99}}
)

func listItems(c *gin.Context) {
	mu.Lock()
	defer mu.Unlock()
	c.JSON(http.StatusOK, items)
}

func getItem(c *gin.Context) {
	id, _ := strconv.Atoi(c.Param("id"))
	mu.Lock()
	defer mu.Unlock()
	for _, item := range items {
		if item.ID == id {
			c.JSON(http.StatusOK, item)
			return
		}
	}
	c.JSON(http.StatusNotFound, gin.H{"error": "item not found"})
}

func createItem(c *gin.Context) {
	var input NewItem
	if err := c.ShouldBindJSON(&input); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	mu.Lock()
	defer mu.Unlock()
	item := Item{ID: items[len(items)-1].ID + 1, Name: input.Name, Price: *input.Price}
	items = append(items, item)
	c.JSON(http.StatusCreated, item)
}

func main() {
	router := gin.Default()
	router.GET("/items", listItems)
	router.GET("/items/:id", getItem)
	router.POST("/items", createItem)
	router.Run("127.0.0.1:" + os.Getenv("PORT"))
}
