// Package users shows "the Go way" to a CRUD endpoint: no generator, every step written out.
package users

import (
	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

// User is the record the handler binds from JSON and stores.
type User struct {
	ID    uint   `json:"id" gorm:"primaryKey"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// db is opened at start-up (gorm.Open) and shared by the handlers.
var db *gorm.DB

// --8<-- [start:create-user]
// No `rails scaffold User` - you write this explicitly:
func CreateUser(c *gin.Context) {
    var user User
    if err := c.ShouldBindJSON(&user); err != nil {
        c.JSON(400, gin.H{"error": err.Error()})
        return
    }
    if err := db.Create(&user).Error; err != nil {
        c.JSON(500, gin.H{"error": err.Error()})
        return
    }
    c.JSON(201, user)
}
// --8<-- [end:create-user]
